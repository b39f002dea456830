package net.p2pnet.model.hash;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Everything one pass over some content yields: ed2k (root and chunk hashset), the whole-content
 * SHA-1 and the BitTorrent v1 piece hashes for {@code pieceLength}.
 *
 * @param size        bytes hashed
 * @param ed2k        the ed2k hash and chunk hashset
 * @param sha1        SHA-1 of the whole content (20 bytes)
 * @param pieceLength BitTorrent piece length the pieces were cut with
 * @param pieces      the 20-byte SHA-1 of every piece, concatenated (the info dictionary's
 *                    {@code pieces} value)
 */
public record ContentHashes(long size, Ed2kHash ed2k, byte[] sha1, int pieceLength, byte[] pieces) {

    public ContentHashes {
        if (ed2k.size() != size) {
            throw new IllegalArgumentException("ed2k hash is for " + ed2k.size() + " bytes, not " + size);
        }
        if (sha1.length != PieceHasher.SHA1_LENGTH) {
            throw new IllegalArgumentException("a SHA-1 has 20 bytes, got " + sha1.length);
        }
        if (pieces.length != PieceHasher.pieceCount(size, pieceLength) * PieceHasher.SHA1_LENGTH) {
            throw new IllegalArgumentException(size + " bytes in " + pieceLength + "-byte pieces need "
                    + PieceHasher.pieceCount(size, pieceLength) + " piece hashes, got " + pieces.length + " bytes");
        }
        sha1 = sha1.clone();
        pieces = pieces.clone();
    }

    @Override
    public byte[] sha1() {
        return sha1.clone();
    }

    @Override
    public byte[] pieces() {
        return pieces.clone();
    }

    public String sha1Hex() {
        return HexFormat.of().formatHex(sha1);
    }

    public int pieceCount() {
        return pieces.length / PieceHasher.SHA1_LENGTH;
    }

    public byte[] pieceHash(int index) {
        java.util.Objects.checkIndex(index, pieceCount());
        return Arrays.copyOfRange(pieces, index * PieceHasher.SHA1_LENGTH, (index + 1) * PieceHasher.SHA1_LENGTH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentHashes other && size == other.size && pieceLength == other.pieceLength
                && ed2k.equals(other.ed2k) && Arrays.equals(sha1, other.sha1) && Arrays.equals(pieces, other.pieces);
    }

    @Override
    public int hashCode() {
        return ed2k.hashCode() * 31 + Arrays.hashCode(sha1);
    }

    @Override
    public String toString() {
        return "ContentHashes[size=" + size + ", ed2k=" + ed2k.hex() + ", sha1=" + sha1Hex()
                + ", pieceLength=" + pieceLength + ", pieces=" + pieceCount() + "]";
    }
}
