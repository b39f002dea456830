package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
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

    static final int READ_BLOCK = 1 << 20;

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
     * Checks every chunk touching one of {@code pieces} whose pieces are now all stored and that
     * was not checked yet ({@code checked} is updated).
     *
     * @return the pieces of chunks that failed MD4 (empty when all is well)
     */
    static BitSet checkChunksOf(BitSet pieces, PartialFile file, Ed2kHash ed2k, BitSet checked) throws IOException {
        return check(dueChunks(pieces, file, ed2k, checked), file, ed2k, checked);
    }

    /**
     * The chunks touching one of {@code pieces} whose pieces are now all stored (written or
     * verified) and that were not checked yet; they are marked in {@code checked} (whoever takes them
     * must {@link #check} them, or clear their mark).
     */
    static List<Integer> dueChunks(BitSet pieces, PartialFile file, Ed2kHash ed2k, BitSet checked) {
        PieceLayout layout = file.layout();
        BitSet verified = file.stored();
        List<Integer> due = new ArrayList<>();
        synchronized (checked) {
            int lastChunkSeen = -1;
            for (int piece = pieces.nextSetBit(0); piece >= 0; piece = pieces.nextSetBit(piece + 1)) {
                long pieceStart = layout.pieceOffset(piece);
                int firstChunk = (int) (pieceStart / Ed2kHash.CHUNK_SIZE);
                int lastChunk = (int) ((pieceStart + Math.max(1, layout.pieceSize(piece)) - 1) / Ed2kHash.CHUNK_SIZE);
                for (int chunk = Math.max(firstChunk, lastChunkSeen + 1); chunk <= lastChunk && chunk < ed2k.chunkCount();
                        chunk++) {
                    lastChunkSeen = chunk;
                    long start = chunkStart(chunk);
                    if (!checked.get(chunk) && verified.nextClearBit(layout.firstPiece(start))
                            > layout.lastPiece(start, chunkLength(chunk, layout))) {
                        checked.set(chunk);
                        due.add(chunk);
                    }
                }
            }
        }
        return due;
    }

    /**
     * MD4s {@code due} chunks (marked in {@code checked}) read back from the part file, two at a time when there are two: one MD4 stream is
     * latency-bound, and {@link Md4#updatePair} runs two side by side for 1.2-1.5 times the work.
     * A chunk that fails loses its mark.
     *
     * @return the pieces of chunks that failed MD4 (empty when all is well)
     */
    static BitSet check(List<Integer> due, PartialFile file, Ed2kHash ed2k, BitSet checked) throws IOException {
        return due.isEmpty() ? new BitSet()
                : check(due, file, ed2k, checked, file.readBuffer(READ_BLOCK), file.readBuffer(READ_BLOCK));
    }

    /** {@link #check} with two read buffers from {@link PartialFile#readBuffer} of {@link #READ_BLOCK} bytes. */
    static BitSet check(List<Integer> due, PartialFile file, Ed2kHash ed2k, BitSet checked, ByteBuffer first,
                        ByteBuffer second) throws IOException {
        PieceLayout layout = file.layout();
        BitSet bad = new BitSet();
        for (int i = 0; i < due.size(); i += 2) {
            int one = due.get(i);
            if (i + 1 < due.size()) {
                int two = due.get(i + 1);
                byte[][] digests = md4Pair(file, one, two, first, second);
                judge(one, digests[0], ed2k, layout, checked, bad);
                judge(two, digests[1], ed2k, layout, checked, bad);
            } else {
                Md4 md4 = new Md4();
                feed(md4, file, chunkStart(one), chunkLength(one, layout), first);
                judge(one, md4.digest(), ed2k, layout, checked, bad);
            }
        }
        return bad;
    }

    private static long chunkStart(int chunk) {
        return (long) chunk * Ed2kHash.CHUNK_SIZE;
    }

    private static long chunkLength(int chunk, PieceLayout layout) {
        return Math.min(Ed2kHash.CHUNK_SIZE, layout.size() - chunkStart(chunk));
    }

    private static void judge(int chunk, byte[] md4, Ed2kHash ed2k, PieceLayout layout, BitSet checked, BitSet bad) {
        if (!MessageDigest.isEqual(md4, ed2k.chunkHash(chunk))) {
            long start = chunkStart(chunk);
            bad.set(layout.firstPiece(start), layout.lastPiece(start, chunkLength(chunk, layout)) + 1);
            synchronized (checked) {
                checked.clear(chunk);
            }
        }
    }

    /** MD4 of two chunks: whole read blocks of both in one paired loop, then each one's rest alone. */
    private static byte[][] md4Pair(PartialFile file, int one, int two, ByteBuffer first, ByteBuffer second)
            throws IOException {
        PieceLayout layout = file.layout();
        Md4 m = new Md4();
        Md4 n = new Md4();
        long mAt = chunkStart(one);
        long nAt = chunkStart(two);
        long mLeft = chunkLength(one, layout);
        long nLeft = chunkLength(two, layout);
        // READ_BLOCK is a multiple of MD4's 64-byte block, so both digests stay at a block boundary
        while (mLeft >= READ_BLOCK && nLeft >= READ_BLOCK) {
            file.readFully(mAt, first, READ_BLOCK);
            file.readFully(nAt, second, READ_BLOCK);
            Md4.updatePair(m, first, n, second);
            mAt += READ_BLOCK;
            nAt += READ_BLOCK;
            mLeft -= READ_BLOCK;
            nLeft -= READ_BLOCK;
        }
        feed(m, file, mAt, mLeft, first);
        feed(n, file, nAt, nLeft, second);
        return new byte[][] {m.digest(), n.digest()};
    }

    private static void feed(Md4 md4, PartialFile file, long start, long length, ByteBuffer buffer) throws IOException {
        long done = 0;
        while (done < length) {
            int size = (int) Math.min(READ_BLOCK, length - done);
            file.readFully(start + done, buffer, size);
            md4.update(buffer);
            done += size;
        }
    }
}
