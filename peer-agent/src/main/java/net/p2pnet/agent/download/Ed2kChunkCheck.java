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
import net.p2pnet.model.hash.Md4Lanes;

/**
 * The eDonkey side of verification: a source's hashset must hash to the ed2k root (and the root to
 * the link's, when the download came from an ed2k link), and every 9,728,000-byte chunk, once all the
 * pieces it touches are in, must match its MD4. SHA-1 pieces and MD4 chunks do not line up, so a
 * chunk is checked when the last of its pieces arrives.
 */
final class Ed2kChunkCheck {

    /** Per lane: sixteen lanes read 4 MiB at a time. */
    static final int READ_BLOCK = 256 << 10;

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
     * MD4s {@code due} chunks (marked in {@code checked}) read back from the part file, as many at a
     * time as {@link Md4Lanes} takes (sixteen natively, else two: one MD4 stream is latency-bound).
     * A chunk that fails loses its mark.
     *
     * @return the pieces of chunks that failed MD4 (empty when all is well)
     */
    static BitSet check(List<Integer> due, PartialFile file, Ed2kHash ed2k, BitSet checked) throws IOException {
        if (due.isEmpty()) {
            return new BitSet();
        }
        return check(due, file, ed2k, checked, readBuffers(file, Math.min(due.size(), Md4Lanes.width())));
    }

    /** {@code count} read buffers for {@link #check}, one per lane. */
    static List<ByteBuffer> readBuffers(PartialFile file, int count) {
        List<ByteBuffer> buffers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buffers.add(file.readBuffer(READ_BLOCK));
        }
        return buffers;
    }

    /** {@link #check} with read buffers from {@link #readBuffers}, one per lane. */
    static BitSet check(List<Integer> due, PartialFile file, Ed2kHash ed2k, BitSet checked, List<ByteBuffer> buffers)
            throws IOException {
        PieceLayout layout = file.layout();
        BitSet bad = new BitSet();
        for (int from = 0; from < due.size(); from += buffers.size()) {
            List<Integer> group = due.subList(from, Math.min(due.size(), from + buffers.size()));
            byte[][] digests = md4s(file, group, buffers);
            for (int i = 0; i < group.size(); i++) {
                judge(group.get(i), digests[i], ed2k, layout, checked, bad);
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

    /** MD4s of chunks side by side: each round reads the next block of every chunk not done, then hashes them together. */
    private static byte[][] md4s(PartialFile file, List<Integer> chunks, List<ByteBuffer> buffers) throws IOException {
        PieceLayout layout = file.layout();
        int count = chunks.size();
        Md4[] md4 = new Md4[count];
        long[] at = new long[count];
        long[] left = new long[count];
        for (int i = 0; i < count; i++) {
            md4[i] = new Md4();
            at[i] = chunkStart(chunks.get(i));
            left[i] = chunkLength(chunks.get(i), layout);
        }
        List<Md4> digests = new ArrayList<>(count);
        List<ByteBuffer> data = new ArrayList<>(count);
        do {
            digests.clear();
            data.clear();
            for (int i = 0; i < count; i++) {
                if (left[i] > 0) {
                    // READ_BLOCK is a multiple of MD4's 64-byte block: only a chunk's last read leaves a part block
                    int size = (int) Math.min(READ_BLOCK, left[i]);
                    file.readFully(at[i], buffers.get(i), size);
                    at[i] += size;
                    left[i] -= size;
                    digests.add(md4[i]);
                    data.add(buffers.get(i));
                }
            }
            Md4Lanes.update(digests, data);
        } while (!digests.isEmpty());
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = md4[i].digest();
        }
        return out;
    }
}
