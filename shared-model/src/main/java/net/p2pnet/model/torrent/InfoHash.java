package net.p2pnet.model.torrent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** A BitTorrent v1 info-hash: SHA-1 of the bencoded {@code info} dictionary exactly as stored (BEP 3). */
public record InfoHash(byte[] bytes) {

    public static final int LENGTH = 20;

    public InfoHash {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an info-hash has 20 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** The info-hash of the given raw {@code info} dictionary bytes. */
    public static InfoHash ofInfo(byte[] rawInfoDictionary) {
        try {
            return new InfoHash(MessageDigest.getInstance("SHA-1").digest(rawInfoDictionary));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** Parses 40 hex digits, either case. */
    public static InfoHash fromHex(String hex) {
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("an info-hash has 40 hex digits, not " + hex.length() + ": " + hex);
        }
        try {
            return new InfoHash(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex info-hash: " + hex, e);
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lowercase hex, as transmission-show and trackers' logs print it. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InfoHash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
