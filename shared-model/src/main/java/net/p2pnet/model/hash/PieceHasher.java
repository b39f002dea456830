package net.p2pnet.model.hash;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * BitTorrent v1 piece hashes (BEP 3): SHA-1 over consecutive {@code pieceLength}-byte pieces of a
 * byte stream, the last piece possibly shorter. Feed it the bytes of one file, or of several files
 * back to back (multi-file torrents hash across file boundaries). Not thread-safe.
 */
public final class PieceHasher {

    public static final int SHA1_LENGTH = 20;

    private final int pieceLength;
    private final MessageDigest sha1 = sha1();
    private final java.io.ByteArrayOutputStream pieces = new java.io.ByteArrayOutputStream();
    private int inCurrentPiece;
    private long total;

    public PieceHasher(int pieceLength) {
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be positive, was " + pieceLength);
        }
        this.pieceLength = pieceLength;
    }

    public int pieceLength() {
        return pieceLength;
    }

    public long bytesHashed() {
        return total;
    }

    public void update(byte[] data, int offset, int length) {
        update(ByteBuffer.wrap(data, offset, length));
    }

    /** Consumes the buffer's remaining bytes. */
    public void update(ByteBuffer data) {
        while (data.hasRemaining()) {
            int take = Math.min(data.remaining(), pieceLength - inCurrentPiece);
            ByteBuffer slice = data.slice(data.position(), take);
            sha1.update(slice);
            data.position(data.position() + take);
            inCurrentPiece += take;
            total += take;
            if (inCurrentPiece == pieceLength) {
                closePiece();
            }
        }
    }

    /** The concatenated 20-byte piece hashes; empty for an empty stream. Ends this hasher's use. */
    public byte[] finish() {
        if (inCurrentPiece > 0) {
            closePiece();
        }
        return pieces.toByteArray();
    }

    /** How many pieces a stream of {@code size} bytes has. */
    public static long pieceCount(long size, int pieceLength) {
        return (size + pieceLength - 1) / pieceLength;
    }

    private void closePiece() {
        pieces.writeBytes(sha1.digest());
        inCurrentPiece = 0;
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
