package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.model.hash.Ed2kHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pieces from one source through its network's {@link SourceLink}: connects (the network
 * checks the source offers the same content), checks its ed2k hashset against the download's, then
 * runs the link's number of workers so requests are pipelined, and keeps the source's pieces fresh
 * while it is itself downloading. Every piece is checked against its SHA-1 before it is written; a
 * source that sends bad data is avoided for that piece and banned after
 * {@value RemoteSource#BAN_AFTER_BAD_PIECES} bad pieces. The same code serves every network.
 */
final class SourceWorkers {

    private static final Logger log = LoggerFactory.getLogger(SourceWorkers.class);
    private static final int MAX_CONSECUTIVE_ERRORS = 5;
    private static final long REFRESH_MS = 2_000;

    private final Swarm swarm;
    private final Download download;
    private final DownloadEnvironment env;
    private final RemoteSource source;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger workers = new AtomicInteger();
    private volatile SourceLink link;

    SourceWorkers(Swarm swarm, Download download, RemoteSource source) {
        this.swarm = swarm;
        this.download = download;
        this.env = download.env();
        this.source = source;
    }

    void start() {
        swarm.spawn("source-" + source.key(), this::run);
    }

    private void run() {
        try {
            link = source.isMirror() ? new MirrorLink(env.client(), source.mirrorUrl(), download.content().layout())
                    : network().connect(source.endpoint().address(), download.wanted());
            source.attach(link);
            Optional<SourceEndpoint> better = link.upgrade();
            if (better.isPresent()) {
                source.supersede(better.get());
                download.sources().learnt(List.of(better.get()));
                link.close("it is a p2pnet agent: using its native transfer port " + better.get().key());
                source.deactivate();
                return;
            }
            if (!adoptHashset(link)) {
                source.deactivate();
                return;
            }
            source.setHas(link.has());
            if (!source.isMirror()) {
                download.board().addAvailability(source.has());
            }
            startWorkers(link.parallelism());
            refreshWhilePartial(link);
        } catch (SourceMismatchException e) {
            source.reject(e.getMessage());
            log.warn("download {}: never using source {}: {}", download.id(), source.key(), e.getMessage());
            source.deactivate();
        } catch (IOException | RuntimeException e) {
            log.debug("download {}: source {} unreachable: {}", download.id(), source.key(), e.toString());
            source.deactivate();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            source.deactivate();
        }
    }

    private PeerNetwork network() throws IOException {
        PeerNetwork network = env.plugins().network(source.network());
        if (network == null) {
            throw new IOException("network " + source.network() + " is not enabled in this agent");
        }
        return network;
    }

    /** A source whose hashset contradicts the one already adopted is rejected for good. */
    private boolean adoptHashset(SourceLink current) {
        Ed2kHash hashset = current.ed2kHashset().orElse(null);
        Ed2kHash adopted = download.hashset().current();
        if (hashset != null && adopted != null && !adopted.equals(hashset)) {
            String problem = "its ed2k hashset " + hashset.hex() + " differs from " + adopted.hex();
            source.reject(problem);
            current.close(problem);
            log.warn("download {}: never using source {}: {}", download.id(), source.key(), problem);
            return false;
        }
        download.hashset().adopt(hashset, source.key());
        return true;
    }

    private void refreshWhilePartial(SourceLink current) throws InterruptedException {
        while (!current.complete() && swarm.running() && source.isUsable() && workers.get() > 0 && current.isOpen()) {
            swarm.pause(REFRESH_MS);
            try {
                current.refresh();
                updateHas(current.has());
            } catch (IOException e) {
                log.debug("download {}: refreshing {} failed: {}", download.id(), source.key(), e.toString());
            }
        }
    }

    private void startWorkers(int count) {
        workers.set(count);
        for (int i = 0; i < count; i++) {
            swarm.spawn("source-" + source.key() + "-" + i, this::work);
        }
    }

    private void work() {
        Scratch scratch = new Scratch();
        try {
            while (swarm.running() && source.isUsable() && link.isOpen() && errors.get() < MAX_CONSECUTIVE_ERRORS) {
                if (!fetchOne(scratch)) {
                    if (download.board().allVerified()) {
                        return;
                    }
                    swarm.pause(250);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (workers.decrementAndGet() == 0) {
                if (!source.isMirror()) {
                    download.board().removeAvailability(source.has());
                }
                source.deactivate();
            }
        }
    }

    /** @return false when there was nothing to fetch from this source now */
    private boolean fetchOne(Scratch scratch) throws InterruptedException {
        PieceBoard board = download.board();
        // a peer that pushes its news (BitTorrent have messages) may have gained pieces since the last look
        if (!source.isMirror() && !link.complete()) {
            updateHas(link.has());
        }
        PieceBoard.Run run = source.claimRun(board, link.maxRun());
        if (run.count() == 0) {
            return false;
        }
        try {
            fetchAndAccept(board, run, scratch);
        } finally {
            source.done(run);
        }
        return true;
    }

    /** Counts the pieces the source gained on the board. */
    private void updateHas(BitSet now) {
        BitSet gained = source.gain(now);
        if (!gained.isEmpty()) {
            download.board().addAvailability(gained);
        }
    }

    /** Fetches a run of pieces; each is checked and stored as it arrives, the ones that never came are given back. */
    private void fetchAndAccept(PieceBoard board, PieceBoard.Run run, Scratch scratch) throws InterruptedException {
        PieceLayout layout = download.content().layout();
        int[] sizes = new int[run.count()];
        int largest = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = layout.pieceSize(run.first() + i);
            largest = Math.max(largest, sizes[i]);
        }
        int[] next = {run.first()};
        try {
            link.fetchRun(run.first(), sizes, scratch.buffer(largest), blockSink(), (piece, data) -> {
                next[0] = piece + 1;
                errors.set(0);
                swarm.intake().accept(source, piece, data, scratch.sha1(data));
            });
        } catch (Stopped e) {
            giveBack(board, next[0], run);
        } catch (SourceBusyException e) {
            giveBack(board, next[0], run);
            swarm.pause(e.retryAfterSeconds() * 1000L);
        } catch (IOException | RuntimeException e) {
            giveBack(board, next[0], run);
            errors.incrementAndGet();
            log.debug("download {}: pieces {}..{} from {} failed at {}: {}", download.id(), run.first(),
                    run.first() + run.count() - 1, source.key(), next[0], e.toString());
            swarm.pause(500);
        }
    }

    private static void giveBack(PieceBoard board, int from, PieceBoard.Run run) {
        for (int piece = from; piece < run.first() + run.count(); piece++) {
            board.abandoned(piece);
        }
    }

    private SourceLink.BlockSink blockSink() {
        return bytes -> {
            if (!swarm.running()) {
                throw new Stopped();
            }
            env.downloadLimit().acquire(bytes);
            download.limiter().acquire(bytes);
            if (!link.metersItself()) {
                env.meter().count(TrafficMeter.Direction.IN, source.peerKind(), bytes);
            }
            source.received(bytes);
            download.counters().received(bytes);
        };
    }

    /**
     * One worker's reusable piece buffer and SHA-1 digest. The buffer is direct and aligned: an
     * agent's answer is read into it from the socket and written from it to a direct-I/O part file,
     * with no copy on the way. It grows to the largest piece and is kept while the worker lives
     * (native memory is not reclaimed as promptly as the heap: not one per request).
     */
    private static final class Scratch {
        private static final int ALIGNMENT = 4096;

        private final MessageDigest sha1;
        private ByteBuffer kept = ByteBuffer.allocate(0);

        Scratch() {
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-1", e);
            }
        }

        ByteBuffer buffer(int size) {
            if (kept.capacity() >= size) {
                return kept.clear();
            }
            kept = ByteBuffer.allocateDirect(size + ALIGNMENT).alignedSlice(ALIGNMENT);
            return kept;
        }

        /** The SHA-1 of the data's remaining bytes (its position is left as it was). */
        byte[] sha1(ByteBuffer data) {
            sha1.update(data.duplicate());
            return sha1.digest();
        }
    }

    /** Ends a transfer when the download stops (pause, cancel) without interrupting the thread. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("download stopped", null, false, false);
        }
    }
}
