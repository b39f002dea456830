package net.p2pnet.agent.download;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.transfer.FileInfo;
import net.p2pnet.agent.transfer.TransferClient;
import net.p2pnet.model.hash.Ed2kHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pieces from one source: checks first that the source describes the same file (size,
 * pieces, ed2k hashset), then runs several workers so requests are pipelined (each worker keeps one
 * piece request in flight), and keeps the source's bitfield fresh while it is itself downloading.
 * Every piece is checked against its SHA-1 before it is written; a source that sends bad data is
 * avoided for that piece and banned after {@value RemoteSource#BAN_AFTER_BAD_PIECES} bad pieces.
 */
final class SourceWorkers {

    private static final Logger log = LoggerFactory.getLogger(SourceWorkers.class);
    private static final int AGENT_WORKERS = 4;
    private static final int MIRROR_WORKERS = 2;
    private static final int MAX_CONSECUTIVE_ERRORS = 5;
    private static final long REFRESH_MS = 2_000;

    private final Swarm swarm;
    private final Download download;
    private final DownloadEnvironment env;
    private final RemoteSource source;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger workers = new AtomicInteger();

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
            if (source.isMirror()) {
                BitSet all = new BitSet();
                all.set(0, download.layout().pieceCount());
                source.setHas(all);
                startWorkers(MIRROR_WORKERS);
                return;
            }
            FileInfo info = env.client().info(source.agentAddress(), download.infoHash());
            if (!accept(info)) {
                source.deactivate();
                return;
            }
            download.board().addAvailability(source.has());
            startWorkers(AGENT_WORKERS);
            refreshWhilePartial(info);
        } catch (IOException | RuntimeException e) {
            log.debug("download {}: source {} unreachable: {}", download.id(), source.key(), e.toString());
            source.deactivate();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            source.deactivate();
        }
    }

    /** Whether the source offers the same file; a source that disagrees is rejected for good. */
    private boolean accept(FileInfo info) {
        PieceLayout layout = download.layout();
        String problem = null;
        if (!download.infoHash().equals(info.infoHash())) {
            problem = "it answers for info-hash " + info.infoHash();
        } else if (info.size() != layout.size() || (download.spec().size() >= 0 && info.size() != download.spec().size())) {
            problem = "it says the file has " + info.size() + " bytes, not " + layout.size();
        } else if (info.pieceLength() != layout.pieceLength() || info.pieceCount() != layout.pieceCount()) {
            problem = "it cuts the file into " + info.pieceCount() + " pieces of " + info.pieceLength() + " bytes";
        } else {
            try {
                Ed2kHash hashset = Ed2kChunkCheck.hashsetOf(info, layout.size(), download.spec().ed2kHash());
                Ed2kHash adopted = download.ed2k();
                if (hashset != null && adopted != null && !adopted.equals(hashset)) {
                    problem = "its ed2k hashset " + hashset.hex() + " differs from " + adopted.hex();
                } else {
                    download.adoptHashset(hashset, source.key());
                }
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            source.reject(problem);
            log.warn("download {}: never using source {}: {}", download.id(), source.key(), problem);
            return false;
        }
        source.setHas(BitSet.valueOf(info.verifiedPieces()));
        return true;
    }

    private void refreshWhilePartial(FileInfo first) throws InterruptedException {
        boolean complete = first.complete();
        while (!complete && swarm.running() && source.isUsable() && workers.get() > 0) {
            swarm.sleep(REFRESH_MS);
            try {
                FileInfo info = env.client().info(source.agentAddress(), download.infoHash());
                BitSet before = source.has();
                BitSet now = BitSet.valueOf(info.verifiedPieces());
                BitSet gained = (BitSet) now.clone();
                gained.andNot(before);
                source.setHas(now);
                download.board().addAvailability(gained);
                complete = info.complete();
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
            while (swarm.running() && source.isUsable() && errors.get() < MAX_CONSECUTIVE_ERRORS) {
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

    private void fetchAndAccept(PieceBoard board, int piece) throws InterruptedException {
        byte[] data;
        try {
            data = fetch(piece);
            errors.set(0);
        } catch (Stopped e) {
            board.abandoned(piece);
            return;
        } catch (TransferClient.BusyException e) {
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
        TransferClient.BlockSink sink = bytes -> {
            if (!swarm.running()) {
                throw new Stopped();
            }
            env.limits().download().acquire(bytes);
            download.limiter().acquire(bytes);
            env.meter().count(TrafficMeter.Direction.IN, source.peerKind(), bytes);
            source.received(bytes);
            download.downloaded().addAndGet(bytes);
        };
        return source.isMirror()
                ? env.client().range(source.mirrorUrl(), layout.pieceOffset(piece), layout.pieceSize(piece), sink)
                : env.client().piece(source.agentAddress(), download.infoHash(), piece, layout.pieceSize(piece), sink);
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
