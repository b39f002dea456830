package net.p2pnet.model.hash;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The ed2k identity of some content: its size, the root hash and the MD4 of every 9,728,000-byte
 * chunk (the hashset a downloader checks each chunk against).
 *
 * <p>The root follows eMule (and {@code rhash --ed2k}): one chunk or less, the root is that chunk's
 * MD4 (MD4 of nothing for an empty file); otherwise MD4 over the concatenated chunk hashes. When the
 * size is an exact multiple of the chunk size, eMule appends the MD4 of an empty chunk before taking
 * the root (so a 9,728,000-byte file has root MD4(MD4(data) || MD4(""))), which {@link #of} does too.
 * {@link #chunkHashes()} holds only the chunks that carry data.
 *
 * @param size        content length in bytes
 * @param root        the 16-byte ed2k hash
 * @param chunkHashes the 16-byte MD4 of each chunk with data, concatenated (empty for 0 bytes)
 */
public record Ed2kHash(long size, byte[] root, byte[] chunkHashes) {

    /** eDonkey's PARTSIZE. */
    public static final int CHUNK_SIZE = 9_728_000;
    private static final byte[] EMPTY_MD4 = Md4.digest(new byte[0]);

    public Ed2kHash {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
        if (root.length != Md4.DIGEST_LENGTH) {
            throw new IllegalArgumentException("an ed2k hash has 16 bytes, got " + root.length);
        }
        if (chunkHashes.length != chunkCount(size) * Md4.DIGEST_LENGTH) {
            throw new IllegalArgumentException("a " + size + "-byte file has " + chunkCount(size)
                    + " chunk hashes, got " + chunkHashes.length + " bytes of them");
        }
        root = root.clone();
        chunkHashes = chunkHashes.clone();
    }

    /** The ed2k hash of content of {@code size} bytes whose chunks have these MD4 hashes. */
    public static Ed2kHash of(long size, byte[] chunkHashes) {
        int count = chunkCount(size);
        byte[] root;
        if (count == 0) {
            root = EMPTY_MD4;
        } else if (count == 1 && size < CHUNK_SIZE) {
            root = Arrays.copyOf(chunkHashes, Md4.DIGEST_LENGTH);
        } else {
            Md4 md4 = new Md4();
            md4.update(chunkHashes, 0, chunkHashes.length);
            if (size % CHUNK_SIZE == 0) {
                md4.update(EMPTY_MD4);
            }
            root = md4.digest();
        }
        return new Ed2kHash(size, root, chunkHashes);
    }

    /** How many chunks carry data in content of {@code size} bytes. */
    public static int chunkCount(long size) {
        return Math.toIntExact((size + CHUNK_SIZE - 1) / CHUNK_SIZE);
    }

    public int chunkCount() {
        return chunkCount(size);
    }

    /** The MD4 of chunk {@code index} (bytes {@code index * CHUNK_SIZE} onwards). */
    public byte[] chunkHash(int index) {
        java.util.Objects.checkIndex(index, chunkCount());
        return Arrays.copyOfRange(chunkHashes, index * Md4.DIGEST_LENGTH, (index + 1) * Md4.DIGEST_LENGTH);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public byte[] chunkHashes() {
        return chunkHashes.clone();
    }

    /** The root as 32 lowercase hex digits, as ed2k links and rhash show it. */
    public String hex() {
        return HexFormat.of().formatHex(root);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed2kHash other && size == other.size && Arrays.equals(root, other.root)
                && Arrays.equals(chunkHashes, other.chunkHashes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "Ed2kHash[size=" + size + ", root=" + hex() + ", chunks=" + chunkCount() + "]";
    }
}
