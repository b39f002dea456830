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
 * The tasks of one {@link ContentHasher} pass: per chunk buffer, an MD4 task (any order) and one step
 * in each of two ordered lanes (whole-content SHA-1, piece hashes). A buffer goes back to its owner
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
    private long bytesSubmitted;
    private Chunk unpaired;

    HashingRun(int pieceLength, Executor workers, Consumer<ByteBuffer> release) {
        this.pieces = new PieceHasher(pieceLength);
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
        Chunk submitted = new Chunk(chunk, CompletableFuture.allOf(sha1Lane, pieceLane));
        if (unpaired == null) {
            unpaired = submitted;
        } else {
            hashPair(unpaired, submitted);
            unpaired = null;
        }
    }

    /** MD4s two chunks in one task: see {@link Md4#updatePair}. */
    private void hashPair(Chunk first, Chunk second) {
        CompletableFuture<byte[][]> pair = CompletableFuture.supplyAsync(
                () -> md4Pair(first.data.duplicate(), second.data.duplicate()), workers);
        chunkHashes.add(pair.thenApply(hashes -> hashes[0]));
        chunkHashes.add(pair.thenApply(hashes -> hashes[1]));
        first.releaseAfter(pair);
        second.releaseAfter(pair);
    }

    private void hashUnpaired() {
        if (unpaired != null) {
            Chunk last = unpaired;
            unpaired = null;
            CompletableFuture<byte[]> md4 = CompletableFuture.supplyAsync(() -> md4(last.data.duplicate()), workers);
            chunkHashes.add(md4);
            last.releaseAfter(md4);
        }
    }

    /** Waits for every task and assembles the result. */
    ContentHashes finish() throws IOException {
        hashUnpaired();
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
        hashUnpaired();
        List<CompletableFuture<?>> all = new ArrayList<>(chunkHashes);
        all.add(sha1Lane);
        all.add(pieceLane);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
    }

    private static byte[][] md4Pair(ByteBuffer first, ByteBuffer second) {
        Md4 one = new Md4();
        Md4 two = new Md4();
        Md4.updatePair(one, first, two, second);
        one.update(first);
        two.update(second);
        return new byte[][] {one.digest(), two.digest()};
    }

    private static byte[] md4(ByteBuffer chunk) {
        Md4 md4 = new Md4();
        md4.update(chunk);
        return md4.digest();
    }

    /** A buffer whose SHA-1 lanes are scheduled and whose MD4 may still wait for a partner. */
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
