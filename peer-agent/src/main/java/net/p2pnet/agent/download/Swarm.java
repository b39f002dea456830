package net.p2pnet.agent.download;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.agent.storage.TorrentContent;
import net.p2pnet.model.net.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a download: a coordinator thread that finds the metainfo and the sources, one fetching
 * group per source ({@link SourceWorkers}), a committer, and the final check. Stopping it (pause,
 * cancel) lets every thread finish its current block and exit; no thread is interrupted, because an
 * interrupt during file I/O would close the part file's channel under the other threads. Threads
 * that wait (between rounds, for a busy source) wait for the stop signal, so they leave at once.
 */
final class Swarm {

    private static final Logger log = LoggerFactory.getLogger(Swarm.class);
    private static final long DISCOVERY_INTERVAL_MS = 5_000;
    private static final long EXCHANGE_INTERVAL_MS = 15_000;
    private static final long TICK_MS = 200;
    private static final long COMMIT_INTERVAL_MS = 1000;

    private final Download download;
    private final DownloadEnvironment env;
    private final PieceIntake intake;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    Swarm(Download download) {
        this.download = download;
        this.env = download.env();
        this.intake = new PieceIntake(download);
    }

    boolean running() {
        return running;
    }

    /** Where this run's workers hand the pieces they fetched. */
    PieceIntake intake() {
        return intake;
    }

    void start() {
        spawn("download-" + download.id(), this::coordinate);
    }

    /** Stops and waits (bounded) for the threads to leave. */
    void stop() {
        halt();
        for (Thread thread : threads) {
            if (thread != Thread.currentThread()) {
                try {
                    thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops without waiting (called from one of the swarm's own threads). */
    void stopAsync() {
        halt();
    }

    private void halt() {
        running = false;
        stopped.countDown();
        download.sources().closeLinks("download stopped");
    }

    void spawn(String name, Runnable body) {
        spawn(Thread.ofVirtual().name(name), name, body);
    }

    /**
     * A thread of its own for CPU-heavy work (chunk MD4 after each group commit): as a virtual thread
     * it queued for the two carriers behind a dozen workers busy with SHA-1 and socket reads, and
     * commits stalled for seconds (JFR, docs/benchmarks.md); the OS scheduler gives it its share.
     */
    void spawnPlatform(String name, Runnable body) {
        spawn(Thread.ofPlatform().daemon().name(name), name, body);
    }

    private void spawn(Thread.Builder builder, String name, Runnable body) {
        Thread thread = builder.unstarted(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                log.error("download {}: {} failed", download.id(), name, e);
            }
        });
        threads.add(thread);
        thread.start();
    }

    private void coordinate() {
        try {
            if (download.content() == null && !resolveMetainfo()) {
                return;
            }
            PartialFile file = download.openIfKnown();
            if (file == null || !running) {
                return;
            }
            spawnPlatform("commit-" + download.id(), () -> commitLoop(file));
            startMirrors();
            runUntilComplete(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean resolveMetainfo() throws InterruptedException {
        MetainfoLookup lookup = new MetainfoLookup(download);
        while (running) {
            Optional<TorrentContent> found = lookup.find(candidateSources());
            if (found.isPresent()) {
                download.resolved(found.get());
                return true;
            }
            download.waiting("looking for the metainfo of " + (download.spec().infoHash() != null
                    ? "info-hash " + download.spec().infoHash() : "ed2k " + download.spec().ed2kHash())
                    + " (tracker registry and sources)");
            pause(3_000);
        }
        return false;
    }

    private void runUntilComplete(PartialFile file) throws InterruptedException {
        FinalCheck check = new FinalCheck(download);
        long started = env.clock().millis();
        long lastDiscovery = started - DISCOVERY_INTERVAL_MS;
        // first exchange two seconds in: early enough to find partial sources, late enough to have sources
        long lastExchange = started - EXCHANGE_INTERVAL_MS + 2_000;
        RateSampler rates = new RateSampler(download);
        while (running) {
            if (download.board().allVerified()) {
                if (check.passes(file)) {
                    running = false;
                    stopped.countDown();
                    check.moveIntoPlace(file);
                    return;
                }
                continue; // the check reopened the bad pieces
            }
            long now = env.clock().millis();
            if (now - lastDiscovery >= DISCOVERY_INTERVAL_MS) {
                lastDiscovery = now;
                startNewSources();
            }
            if (now - lastExchange >= EXCHANGE_INTERVAL_MS) {
                lastExchange = now;
                exchangeSources();
            }
            rates.tick();
            pause(TICK_MS);
        }
    }

    /** Group commit of written pieces, apart from the workers so the network never waits for fsync. */
    private void commitLoop(PartialFile file) {
        try {
            while (running || file.hasPending()) {
                long started = env.clock().millis();
                BitSet committed = file.commitPending(100);
                if (!committed.isEmpty()) {
                    intake.committed(committed);
                    pauseBeforeNextCommit(started);
                }
            }
        } catch (java.io.IOException e) {
            download.board().reopen(file.dropPending());
            download.storageFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Commits start at most every {@value #COMMIT_INTERVAL_MS} ms: each one costs two {@code fsync}s
     * (part file, pieces file) and a journal commit whatever its size, and ten a second cost the
     * 1 GiB benchmark about a second (docs/benchmarks.md); larger batches also give the chunk check
     * pairs to hash. A crash loses at most that much verified work, fetched again. Once nothing is
     * left to fetch, the last pieces are committed at once.
     */
    private void pauseBeforeNextCommit(long startedMillis) throws InterruptedException {
        long leftMs = COMMIT_INTERVAL_MS - (env.clock().millis() - startedMillis);
        for (; leftMs > 0 && !download.board().allStored(); leftMs -= 20) {
            if (pause(Math.min(20, leftMs))) {
                return;
            }
        }
    }

    /** Explicit sources, every finder's and network's, and those learnt from other sources, minus ourselves. */
    private List<SourceEndpoint> candidateSources() {
        Set<SourceEndpoint> candidates = new LinkedHashSet<>();
        for (String text : download.spec().sources()) {
            parse(text).map(SourceEndpoint::p2pnet).ifPresent(candidates::add);
        }
        String infoHash = download.infoHash();
        if (infoHash != null) {
            for (SourceFinder finder : env.plugins().sourceFinders()) {
                try {
                    candidates.addAll(finder.findSources(infoHash, download.progress()));
                } catch (RuntimeException e) {
                    log.debug("download {}: source finder {} failed: {}", download.id(), finder, e.toString());
                }
            }
            for (PeerNetwork network : env.plugins().enabledNetworks()) {
                network.discovered(infoHash).forEach(a -> candidates.add(new SourceEndpoint(network.name(), a)));
            }
        }
        candidates.addAll(download.sources().learnt());
        candidates.removeIf(env.plugins()::isSelf);
        return new ArrayList<>(candidates);
    }

    private void startNewSources() {
        for (SourceEndpoint endpoint : candidateSources()) {
            if (env.plugins().network(endpoint.network()) == null) {
                continue;
            }
            RemoteSource current = download.sources().add(RemoteSource.peer(endpoint));
            if (current.isUsable() && current.activate()) {
                new SourceWorkers(this, download, current).start();
            }
        }
    }

    private void startMirrors() {
        if (download.content().isMultiFile()) {
            // a BEP 19 web seed of a multi-file torrent serves each file at its own URL; ranges of the
            // whole stream would need one request per file crossed - not supported yet
            return;
        }
        List<String> urls = new ArrayList<>(download.spec().mirrors());
        urls.addAll(download.content().webSeeds());
        for (String url : urls) {
            Optional<URI> uri = mirrorUri(url, download.content().name());
            if (uri.isEmpty()) {
                continue;
            }
            RemoteSource current = download.sources().add(RemoteSource.mirror(uri.get()));
            if (current.isUsable() && current.activate()) {
                new SourceWorkers(this, download, current).start();
            }
        }
    }

    /** BEP 19: a URL ending in '/' names a directory; the file's name is appended. */
    static Optional<URI> mirrorUri(String url, String name) {
        try {
            String full = url.endsWith("/")
                    ? url + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                    : url;
            URI uri = URI.create(full);
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?")) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** MLdonkey-style gossip (and BitTorrent peer exchange): ask our sources which other peers hold the file. */
    private void exchangeSources() {
        for (RemoteSource source : download.sources().connectedPeers()) {
            if (download.sources().learntFull()) {
                return;
            }
            try {
                download.sources().learnt(source.link().otherSources());
            } catch (RuntimeException e) {
                log.debug("download {}: source exchange with {} failed: {}", download.id(), source.key(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<InetSocketAddress> parse(String text) {
        try {
            ServerAddress address = ServerAddress.parse(text);
            return Optional.of(new InetSocketAddress(address.host(), address.port()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits {@code millis} or until the swarm stops, whichever comes first.
     *
     * @return true when the swarm stopped
     */
    boolean pause(long millis) throws InterruptedException {
        return stopped.await(millis, TimeUnit.MILLISECONDS);
    }
}
