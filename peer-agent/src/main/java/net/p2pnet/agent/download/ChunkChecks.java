package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.model.hash.Ed2kHash;

/**
 * When the ed2k chunks of a download get their MD4 check, and by whom: the worker whose piece
 * completes a chunk (all its pieces written) reads it back and checks it, two chunks at a time
 * ({@link Ed2kChunkCheck#check}): a lone complete chunk waits for the next one, and the final check
 * takes one left waiting.
 *
 * <p>Why the workers: on a thread of its own (after each group commit) the check got a small share
 * of two cores busy with transfers, fell behind, and left most of the MD4 work for after the last
 * piece (1.3 s of a 4.4 s download of 1 GiB, docs/benchmarks.md). Run by the workers, it takes its
 * share of the data it goes with, on both cores.
 *
 * <p>A chunk may be checked before its pieces are committed: the check reads what was written, and
 * pieces count only once committed either way. The final check waits for the checks in progress
 * ({@link #exclusively}), so a file is never judged, or moved, while a chunk of it is being read.
 */
final class ChunkChecks {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** A complete chunk, marked unchecked, waiting for a partner; -1 when none. */
    private final AtomicInteger waiting = new AtomicInteger(-1);
    /** Read buffers between checks (fresh native memory on every check cost page faults). */
    private final ConcurrentLinkedQueue<ByteBuffer[]> spare = new ConcurrentLinkedQueue<>();

    /**
     * Checks the chunks {@code piece} completed, with the chunk left waiting if there is one.
     *
     * @return the pieces of chunks that failed MD4 (empty when all is well)
     * @throws IOException when the part file cannot be read
     */
    BitSet afterWrite(int piece, PartialFile file, Ed2kHash ed2k, BitSet checked) throws IOException {
        BitSet written = new BitSet();
        written.set(piece);
        lock.readLock().lock();
        try {
            List<Integer> due = Ed2kChunkCheck.dueChunks(written, file, ed2k, checked);
            if (due.isEmpty()) {
                return new BitSet();
            }
            if (due.size() == 1) {
                int partner = waiting.getAndSet(-1);
                if (partner < 0) {
                    int alone = due.get(0);
                    synchronized (checked) {
                        checked.clear(alone); // the final check takes it if no partner comes
                    }
                    if (waiting.compareAndSet(-1, alone)) {
                        return new BitSet();
                    }
                    synchronized (checked) {
                        checked.set(alone);
                    }
                } else {
                    // only the final check unsets waiting, and it cannot run while we hold the read lock
                    synchronized (checked) {
                        checked.set(partner);
                    }
                    due = List.of(due.get(0), partner);
                }
            }
            ByteBuffer[] buffers = spare.poll();
            if (buffers == null) {
                buffers = new ByteBuffer[] {file.readBuffer(Ed2kChunkCheck.READ_BLOCK),
                    file.readBuffer(Ed2kChunkCheck.READ_BLOCK)};
            }
            try {
                return Ed2kChunkCheck.check(due, file, ed2k, checked, buffers[0], buffers[1]);
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
            waiting.set(-1); // the check covers every chunk not marked checked
            return check.getAsBoolean();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
