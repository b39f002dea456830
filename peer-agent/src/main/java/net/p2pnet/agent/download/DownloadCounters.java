package net.p2pnet.agent.download;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A download's counters: payload received (verified or not) and served to others, pieces that
 * failed their check, and the current rates the {@link RateSampler} last computed. Counted by the
 * workers and the transfer port, read by the API, announces and metrics.
 */
final class DownloadCounters {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong uploaded = new AtomicLong();
    private final AtomicInteger piecesFailed = new AtomicInteger();
    private volatile long downloadRate;
    private volatile long uploadRate;

    void received(long bytes) {
        received.addAndGet(bytes);
    }

    void uploaded(long bytes) {
        uploaded.addAndGet(bytes);
    }

    void pieceFailed() {
        piecesFailed.incrementAndGet();
    }

    long receivedBytes() {
        return received.get();
    }

    long uploadedBytes() {
        return uploaded.get();
    }

    int piecesFailed() {
        return piecesFailed.get();
    }

    void rates(long down, long up) {
        downloadRate = down;
        uploadRate = up;
    }

    long downloadRate() {
        return downloadRate;
    }

    long uploadRate() {
        return uploadRate;
    }
}
