package net.p2pnet.agent.storage;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * How content of {@code size} bytes is cut into BitTorrent pieces and what each piece must hash to
 * (BEP 3: SHA-1 per {@code pieceLength} bytes, the last piece shorter).
 *
 * @param size        content length in bytes
 * @param pieceLength bytes per piece
 * @param pieceHashes the 20-byte SHA-1 of every piece, concatenated
 */
public record PieceLayout(long size, int pieceLength, byte[] pieceHashes) {

    private static final int SHA1 = 20;
    /**
     * Each download worker holds a buffer of a piece (or a run of pieces) and layouts come from
     * torrents that other machines send (sources, BitTorrent metadata, links): a piece length of
     * 2^31-1 would have every worker allocate 2 GiB. 64 MiB is generous (mktorrent's largest is 256 MiB,
     * but real torrents stay at or below 16 MiB); the metainfo parser's own cap is the same.
     */
    public static final int MAX_PIECE_LENGTH = 64 << 20;

    public PieceLayout {
        if (size < 0 || pieceLength <= 0) {
            throw new IllegalArgumentException("size " + size + " and piece length " + pieceLength + " do not make pieces");
        }
        if (pieceLength > MAX_PIECE_LENGTH) {
            throw new IllegalArgumentException("piece length " + pieceLength + " exceeds the " + MAX_PIECE_LENGTH
                    + " bytes this agent accepts");
        }
        long count = (size + pieceLength - 1) / pieceLength;
        if (pieceHashes.length != count * SHA1) {
            throw new IllegalArgumentException(size + " bytes in " + pieceLength + "-byte pieces need " + count
                    + " piece hashes, got " + pieceHashes.length / SHA1);
        }
        pieceHashes = pieceHashes.clone();
    }

    public int pieceCount() {
        return pieceHashes.length / SHA1;
    }

    public long pieceOffset(int index) {
        return (long) index * pieceLength;
    }

    public int pieceSize(int index) {
        return (int) Math.min(pieceLength, size - pieceOffset(index));
    }

    /** Whether {@code sha1} is the expected hash of piece {@code index}. */
    public boolean matches(int index, byte[] sha1) {
        return MessageDigest.isEqual(sha1, Arrays.copyOfRange(pieceHashes, index * SHA1, (index + 1) * SHA1));
    }

    /** The pieces touching bytes {@code [offset, offset + length)}. */
    public int firstPiece(long offset) {
        return (int) (offset / pieceLength);
    }

    public int lastPiece(long offset, long length) {
        return (int) ((offset + Math.max(length, 1) - 1) / pieceLength);
    }

    @Override
    public byte[] pieceHashes() {
        return pieceHashes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PieceLayout p && size == p.size && pieceLength == p.pieceLength
                && Arrays.equals(pieceHashes, p.pieceHashes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(pieceHashes);
    }

    @Override
    public String toString() {
        return "PieceLayout[size=" + size + ", pieceLength=" + pieceLength + ", pieces=" + pieceCount() + "]";
    }
}
