package net.p2pnet.agent.transfer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import net.p2pnet.model.hash.Ed2kHash;

/**
 * A complete, verified file the agent serves on its transfer port.
 *
 * @param infoHash BitTorrent v1 info-hash, 40 hex digits (stored lowercase)
 * @param torrent  the raw {@code .torrent} bytes (single-file torrent of {@code file})
 * @param file     the file on disk
 * @param size     its length in bytes
 * @param ed2k     its ed2k root and MD4 chunk hashset (from shared-model's one-pass hasher)
 */
public record SharedContent(String infoHash, byte[] torrent, Path file, long size, Ed2kHash ed2k) {

    public SharedContent {
        Objects.requireNonNull(infoHash, "infoHash");
        if (infoHash.length() != 40 || !infoHash.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("info-hash must be 40 hex digits, was '" + infoHash + "'");
        }
        infoHash = infoHash.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(ed2k, "ed2k");
        torrent = Objects.requireNonNull(torrent, "torrent").clone();
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
    }

    @Override
    public byte[] torrent() {
        return torrent.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedContent other && infoHash.equals(other.infoHash) && file.equals(other.file)
                && size == other.size && ed2k.equals(other.ed2k) && Arrays.equals(torrent, other.torrent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(infoHash, file, size);
    }

    @Override
    public String toString() {
        return "SharedContent[" + infoHash + ", " + file + ", " + size + " bytes, ed2k " + ed2k.hex() + "]";
    }
}
