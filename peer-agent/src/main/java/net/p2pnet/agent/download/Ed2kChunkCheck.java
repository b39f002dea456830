package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.BitSet;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.transfer.FileInfo;
import net.p2pnet.model.hash.Ed2kHash;
import net.p2pnet.model.hash.Md4;

/**
 * The eDonkey side of verification: a source's hashset must hash to the ed2k root (and the root to
 * the link's, when the download came from an ed2k link), and every 9,728,000-byte chunk, once all the
 * pieces it touches are in, must match its MD4. SHA-1 pieces and MD4 chunks do not line up, so a
 * chunk is checked when the last of its pieces arrives.
 */
final class Ed2kChunkCheck {

    private static final int READ_BLOCK = 1 << 20;

    private Ed2kChunkCheck() {
    }

    /**
     * The hashset a source states, if consistent: right size, hashset hashing to its root, root equal
     * to {@code expectedRoot} when one is known.
     *
     * @throws IllegalArgumentException saying why the source must not be used
     */
    static Ed2kHash hashsetOf(FileInfo info, long size, String expectedRoot) {
        if (info.ed2kHash() == null || info.ed2kHashset() == null) {
            if (expectedRoot != null) {
                throw new IllegalArgumentException("it offers no ed2k hashset for ed2k " + expectedRoot);
            }
            return null;
        }
        Ed2kHash computed;
        try {
            computed = Ed2kHash.of(size, info.ed2kHashset());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its ed2k hashset does not fit " + size + " bytes: " + e.getMessage());
        }
        if (!computed.hex().equalsIgnoreCase(info.ed2kHash())) {
            throw new IllegalArgumentException("its ed2k hashset hashes to " + computed.hex() + ", not to the root "
                    + info.ed2kHash() + " it claims");
        }
        if (expectedRoot != null && !computed.hex().equalsIgnoreCase(expectedRoot)) {
            throw new IllegalArgumentException("its ed2k hash " + computed.hex() + " is not the link's " + expectedRoot);
        }
        return computed;
    }

    /**
     * Checks every chunk touching {@code piece} whose pieces are now all verified and that was not
     * checked yet ({@code checked} is updated).
     *
     * @return the pieces of chunks that failed MD4 (empty when all is well)
     */
    static BitSet checkChunksAround(int piece, PartialFile file, Ed2kHash ed2k, BitSet checked) throws IOException {
        PieceLayout layout = file.layout();
        BitSet bad = new BitSet();
        long pieceStart = layout.pieceOffset(piece);
        int firstChunk = (int) (pieceStart / Ed2kHash.CHUNK_SIZE);
        int lastChunk = (int) ((pieceStart + Math.max(1, layout.pieceSize(piece)) - 1) / Ed2kHash.CHUNK_SIZE);
        BitSet verified = file.verified();
        for (int chunk = firstChunk; chunk <= lastChunk && chunk < ed2k.chunkCount(); chunk++) {
            long start = (long) chunk * Ed2kHash.CHUNK_SIZE;
            long length = Math.min(Ed2kHash.CHUNK_SIZE, layout.size() - start);
            int from = layout.firstPiece(start);
            int to = layout.lastPiece(start, length);
            synchronized (checked) {
                if (checked.get(chunk) || verified.nextClearBit(from) <= to) {
                    continue;
                }
                checked.set(chunk);
            }
            if (!MessageDigest.isEqual(md4(file, start, length), ed2k.chunkHash(chunk))) {
                bad.set(from, to + 1);
                synchronized (checked) {
                    checked.clear(chunk);
                }
            }
        }
        return bad;
    }

    private static byte[] md4(PartialFile file, long start, long length) throws IOException {
        Md4 md4 = new Md4();
        ByteBuffer buffer = ByteBuffer.allocate(READ_BLOCK);
        long done = 0;
        while (done < length) {
            buffer.clear().limit((int) Math.min(READ_BLOCK, length - done));
            int read = file.read(start + done, buffer);
            if (read <= 0) {
                throw new IOException("part file ended at " + (start + done));
            }
            buffer.flip();
            md4.update(buffer);
            done += read;
        }
        return md4.digest();
    }
}
