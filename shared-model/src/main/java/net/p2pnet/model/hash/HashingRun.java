package net.p2pnet.model.hash;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The tasks of one {@link ContentHasher} pass: per group of chunk buffers, an MD4 task (any order;
 * as many chunks side by side as {@link Md4Lanes} takes) and per buffer one step in each of two
 * ordered lanes (whole-content SHA-1, piece hashes). A buffer goes back to its owner
 * once all three are done with it. Used by the reading thread only; the lanes' state is handed from
 * task to task by the futures, which orders the memory accesses.
 */
final class HashingRun {

    private final Executor workers;
    private final Consumer<ByteBuffer> release;
    private final MessageDigest sha1 = PieceHasher.sha1();
    private final PieceHasher pieces;
    private final List<CompletableFuture<byte[]>> chunkHashes = new ArrayList<>();
    private final AtomicLong bytesDone = new AtomicLong();
    private CompletableFuture<Void> sha1Lane = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> pieceLane = CompletableFuture.completedFuture(null);
    private final int groupSize;
    private final List<Chunk> ungrouped = new ArrayList<>();
    private long bytesSubmitted;

    /** {@code groupSize}: chunks per MD4 task; the caller must be able to submit that many before it waits. */
    HashingRun(int pieceLength, int groupSize, Executor workers, Consumer<ByteBuffer> release) {
        this.pieces = new PieceHasher(pieceLength);
        this.groupSize = groupSize;
        this.workers = workers;
        this.release = release;
    }

    long bytesDone() {
        return bytesDone.get();
    }

    /** Hashes one ed2k chunk (the buffer's remaining bytes), then releases the buffer. */
    void submit(ByteBuffer chunk) {
        bytesSubmitted += chunk.remaining();
        sha1Lane = sha1Lane.thenRunAsync(() -> sha1.update(chunk.duplicate()), workers);
        pieceLane = pieceLane.thenRunAsync(() -> pieces.update(chunk.duplicate()), workers);
        ungrouped.add(new Chunk(chunk, CompletableFuture.allOf(sha1Lane, pieceLane)));
        if (ungrouped.size() == groupSize) {
            flush();
        }
    }

    /**
     * Starts the MD4 of the chunks submitted since the last group, however few: before the caller
     * waits for a buffer these chunks hold, or at the end.
     */
    void flush() {
        if (ungrouped.isEmpty()) {
            return;
        }
        List<Chunk> group = List.copyOf(ungrouped);
        ungrouped.clear();
        CompletableFuture<List<byte[]>> md4s = CompletableFuture.supplyAsync(() -> md4s(group), workers);
        for (int i = 0; i < group.size(); i++) {
            int lane = i;
            chunkHashes.add(md4s.thenApply(hashes -> hashes.get(lane)));
            group.get(i).releaseAfter(md4s);
        }
    }

    /** Waits for every task and assembles the result. */
    ContentHashes finish() throws IOException {
        flush();
        try {
            ByteArrayOutputStream md4s = new ByteArrayOutputStream(chunkHashes.size() * Md4.DIGEST_LENGTH);
            for (CompletableFuture<byte[]> chunk : chunkHashes) {
                md4s.writeBytes(chunk.join());
            }
            sha1Lane.join();
            pieceLane.join();
            Ed2kHash ed2k = Ed2kHash.of(bytesSubmitted, md4s.toByteArray());
            return new ContentHashes(bytesSubmitted, ed2k, sha1.digest(), pieces.pieceLength(), pieces.finish());
        } catch (CompletionException e) {
            throw ContentHasher.unwrap(e);
        }
    }

    /** After a failure: lets the tasks in flight finish so their buffers come back. */
    void awaitQuietly() {
        flush();
        List<CompletableFuture<?>> all = new ArrayList<>(chunkHashes);
        all.add(sha1Lane);
        all.add(pieceLane);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
    }

    private static List<byte[]> md4s(List<Chunk> group) {
        List<Md4> digests = new ArrayList<>();
        List<ByteBuffer> data = new ArrayList<>();
        for (Chunk chunk : group) {
            digests.add(new Md4());
            data.add(chunk.data.duplicate());
        }
        Md4Lanes.update(digests, data);
        return digests.stream().map(Md4::digest).toList();
    }

    /** A buffer whose SHA-1 lanes are scheduled and whose MD4 may still wait for its group. */
    private final class Chunk {
        private final ByteBuffer data;
        private final CompletableFuture<Void> lanesDone;

        Chunk(ByteBuffer data, CompletableFuture<Void> lanesDone) {
            this.data = data;
            this.lanesDone = lanesDone;
        }

        void releaseAfter(CompletableFuture<?> md4) {
            int length = data.remaining();
            CompletableFuture.allOf(md4, lanesDone).whenComplete((ignored, failure) -> {
                bytesDone.addAndGet(length);
                release.accept(data);
            });
        }
    }
}
