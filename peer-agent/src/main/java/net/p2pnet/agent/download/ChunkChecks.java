package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.model.hash.Ed2kHash;
import net.p2pnet.model.hash.Md4Lanes;

/**
 * When the ed2k chunks of a download get their MD4 check, and by whom: the worker whose piece
 * completes a chunk (all its pieces written) reads it back and checks it together with others, as
 * many as {@link Md4Lanes} hashes side by side (sixteen with the native code, two in Java): complete
 * chunks wait until there are that many, and the final check takes those left waiting.
 *
 * <p>Why the workers: on a thread of its own (after each group commit) the check got a small share
 * of two cores busy with transfers, fell behind, and left most of the MD4 work for after the last
 * piece (1.3 s of a 4.4 s download of 1 GiB, docs/benchmarks.md). Run by the workers, it takes its
 * share of the data it goes with, on both cores.
 *
 * <p>A chunk may be checked before its pieces are committed: the check reads what was written, and
 * pieces count only once committed either way. The final check waits for the checks in progress
 * ({@link #exclusively}), so a file is never judged, or moved, while a chunk of it is being read.
 *
 * <p>It owns which chunks passed (or are being given) their check: nobody else marks them.
 */
final class ChunkChecks {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int lanes;
    /** Chunks checked, or taken by a check in progress; a chunk that fails loses its mark. */
    private final BitSet checked = new BitSet();
    /** Complete chunks, marked unchecked (so the final check takes them), waiting to fill the lanes. */
    private final Set<Integer> waiting = new LinkedHashSet<>();
    /** Read buffers between checks (fresh native memory on every check cost page faults). */
    private final ConcurrentLinkedQueue<List<ByteBuffer>> spare = new ConcurrentLinkedQueue<>();

    ChunkChecks() {
        this(Md4Lanes.width());
    }

    /** Checks {@code lanes} chunks at a time. */
    ChunkChecks(int lanes) {
        this.lanes = lanes;
    }

    /**
     * Checks the chunks {@code piece} completed, with those left waiting, once there are enough.
     *
     * @return the pieces of chunks that failed MD4 (empty when all is well)
     * @throws IOException when the part file cannot be read
     */
    BitSet afterWrite(int piece, PartialFile file, Ed2kHash ed2k) throws IOException {
        BitSet written = new BitSet();
        written.set(piece);
        lock.readLock().lock();
        try {
            List<Integer> due = Ed2kChunkCheck.dueChunks(written, file, ed2k, checked);
            if (due.isEmpty()) {
                return new BitSet();
            }
            List<Integer> batch;
            // the final check, the only other user of waiting, cannot run while we hold the read lock
            synchronized (waiting) {
                waiting.addAll(due);
                synchronized (checked) {
                    if (waiting.size() < lanes) {
                        due.forEach(checked::clear);
                        return new BitSet();
                    }
                    batch = new ArrayList<>(waiting);
                    waiting.clear();
                    batch.forEach(checked::set);
                }
            }
            List<ByteBuffer> buffers = spare.poll();
            if (buffers == null) {
                buffers = Ed2kChunkCheck.readBuffers(file, lanes);
            }
            try {
                return Ed2kChunkCheck.check(batch, file, ed2k, checked, buffers);
            } finally {
                spare.offer(buffers);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code check} once no chunk check is in progress; none starts meanwhile. */
    boolean exclusively(BooleanSupplier check) {
        lock.writeLock().lock();
        try {
            synchronized (waiting) {
                waiting.clear(); // the check covers every chunk not marked checked
            }
            return check.getAsBoolean();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Checks every chunk not checked yet (within {@link #exclusively}, once all pieces are stored).
     *
     * @return the pieces of chunks that failed MD4 (empty when all is well)
     */
    BitSet checkRest(PartialFile file, Ed2kHash ed2k) throws IOException {
        BitSet all = new BitSet();
        all.set(0, file.layout().pieceCount());
        return Ed2kChunkCheck.checkChunksOf(all, file, ed2k, checked);
    }

    /** The chunks marked checked (a copy). */
    BitSet checked() {
        synchronized (checked) {
            return (BitSet) checked.clone();
        }
    }
}
