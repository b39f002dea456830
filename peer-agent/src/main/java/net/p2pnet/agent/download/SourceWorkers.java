package net.p2pnet.agent.download;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
            link = source.isMirror() ? new MirrorLink(env.client(), source.mirrorUrl(), download.layout())
                    : network().connect(source.endpoint().address(), download.wanted());
            source.attach(link);
            Optional<SourceEndpoint> better = link.upgrade();
            if (better.isPresent()) {
                source.supersede(better.get());
                download.gossip().add(better.get());
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
        PeerNetwork network = env.network(source.network());
        if (network == null) {
            throw new IOException("network " + source.network() + " is not enabled in this agent");
        }
        return network;
    }

    /** A source whose hashset contradicts the one already adopted is rejected for good. */
    private boolean adoptHashset(SourceLink current) {
        Ed2kHash hashset = current.ed2kHashset().orElse(null);
        Ed2kHash adopted = download.ed2k();
        if (hashset != null && adopted != null && !adopted.equals(hashset)) {
            String problem = "its ed2k hashset " + hashset.hex() + " differs from " + adopted.hex();
            source.reject(problem);
            current.close(problem);
            log.warn("download {}: never using source {}: {}", download.id(), source.key(), problem);
            return false;
        }
        download.adoptHashset(hashset, source.key());
        return true;
    }

    private void refreshWhilePartial(SourceLink current) throws InterruptedException {
        while (!current.complete() && swarm.running() && source.isUsable() && workers.get() > 0 && current.isOpen()) {
            swarm.sleep(REFRESH_MS);
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
        try {
            while (swarm.running() && source.isUsable() && link.isOpen() && errors.get() < MAX_CONSECUTIVE_ERRORS) {
                if (!fetchOne()) {
                    if (download.board().allVerified()) {
                        return;
                    }
                    swarm.sleep(250);
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
    private boolean fetchOne() throws InterruptedException {
        PieceBoard board = download.board();
        // a peer that pushes its news (BitTorrent have messages) may have gained pieces since the last look
        if (!source.isMirror() && !link.complete()) {
            updateHas(link.has());
        }
        int piece = source.claim(board);
        if (piece < 0) {
            return false;
        }
        try {
            fetchAndAccept(board, piece);
        } finally {
            source.done(piece);
        }
        return true;
    }

    /** Counts the pieces the source gained (once: workers and the refresher may look at the same time). */
    private void updateHas(BitSet now) {
        synchronized (source) {
            BitSet gained = (BitSet) now.clone();
            gained.andNot(source.has());
            if (!gained.isEmpty()) {
                BitSet all = source.has();
                all.or(now);
                source.setHas(all);
                download.board().addAvailability(gained);
            }
        }
    }

    private void fetchAndAccept(PieceBoard board, int piece) throws InterruptedException {
        byte[] data;
        try {
            data = fetch(piece);
            errors.set(0);
        } catch (Stopped e) {
            board.abandoned(piece);
            return;
        } catch (SourceBusyException e) {
            board.abandoned(piece);
            swarm.sleep(e.retryAfterSeconds() * 1000L);
            return;
        } catch (IOException | RuntimeException e) {
            board.abandoned(piece);
            errors.incrementAndGet();
            log.debug("download {}: piece {} from {} failed: {}", download.id(), piece, source.key(), e.toString());
            swarm.sleep(500);
            return;
        }
        new PieceIntake(download).accept(source, piece, data, sha1(data));
    }

    private byte[] fetch(int piece) throws IOException, InterruptedException {
        PieceLayout layout = download.layout();
        SourceLink.BlockSink sink = bytes -> {
            if (!swarm.running()) {
                throw new Stopped();
            }
            env.limits().download().acquire(bytes);
            download.limiter().acquire(bytes);
            if (!link.metersItself()) {
                env.meter().count(TrafficMeter.Direction.IN, source.peerKind(), bytes);
            }
            source.received(bytes);
            download.downloaded().addAndGet(bytes);
        };
        return link.fetchPiece(piece, layout.pieceSize(piece), sink);
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** Ends a transfer when the download stops (pause, cancel) without interrupting the thread. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("download stopped", null, false, false);
        }
    }
}
