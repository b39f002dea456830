package net.p2pnet.tracker.swarm;

import java.util.HexFormat;

/**
 * A 20-byte identifier (info-hash or peer id) held as three primitives: a map key with value
 * equality and no array behind it, so millions of them cost little and hash fast on the announce path.
 */
public record Key20(long high, long mid, int low) implements Comparable<Key20> {

    public static final int LENGTH = 20;

    public static Key20 of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("expected " + LENGTH + " bytes, got " + bytes.length);
        }
        return of(bytes, 0);
    }

    public static Key20 of(byte[] bytes, int offset) {
        return new Key20(readLong(bytes, offset), readLong(bytes, offset + 8), readInt(bytes, offset + 16));
    }

    /** Parses 40 hex digits (either case); throws {@link IllegalArgumentException} otherwise. */
    public static Key20 ofHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("expected 40 hex digits");
        }
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] toBytes() {
        byte[] out = new byte[LENGTH];
        writeTo(out, 0);
        return out;
    }

    public void writeTo(byte[] out, int offset) {
        writeLong(out, offset, high);
        writeLong(out, offset + 8, mid);
        int v = low;
        for (int i = 3; i >= 0; i--) {
            out[offset + 16 + i] = (byte) v;
            v >>>= 8;
        }
    }

    public String hex() {
        return HexFormat.of().formatHex(toBytes());
    }

    @Override
    public boolean equals(Object o) {
        // Written out: the record's generated equals goes through an indirect call on the hot path.
        return o instanceof Key20 k && high == k.high && mid == k.mid && low == k.low;
    }

    @Override
    public int hashCode() {
        // Info-hashes and peer ids are (mostly) uniformly random bytes: mixing a few words is enough.
        return Long.hashCode(high * 0x9E3779B97F4A7C15L ^ mid) ^ low;
    }

    /** Unsigned byte order, the order bencoded dictionaries need for their keys (BEP 3). */
    @Override
    public int compareTo(Key20 other) {
        int c = Long.compareUnsigned(high, other.high);
        if (c == 0) {
            c = Long.compareUnsigned(mid, other.mid);
        }
        return c != 0 ? c : Integer.compareUnsigned(low, other.low);
    }

    @Override
    public String toString() {
        return hex();
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static int readInt(byte[] b, int off) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static void writeLong(byte[] out, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            out[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
