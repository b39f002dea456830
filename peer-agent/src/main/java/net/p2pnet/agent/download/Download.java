package net.p2pnet.agent.download;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.p2pnet.agent.bandwidth.RateLimiter;
import net.p2pnet.agent.storage.MultiFileContent;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.storage.TorrentContent;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.hash.Ed2kHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download: what it fetches, its state, its sources and counters. Its pieces are served to
 * other agents as soon as they are verified (partial sharing). The fetching itself is a
 * {@link Swarm}, started and stopped with the download.
 */
final class Download implements ServedContent {

    private static final Logger log = LoggerFactory.getLogger(Download.class);

    private final DownloadEnvironment env;
    private final Map<String, RemoteSource> sources = new ConcurrentHashMap<>();
    private final Set<SourceEndpoint> gossip = ConcurrentHashMap.newKeySet();
    private final AtomicLong downloaded = new AtomicLong();
    private final AtomicLong uploaded = new AtomicLong();
    private final AtomicInteger piecesFailed = new AtomicInteger();
    private final RateLimiter limiter = new RateLimiter(0);
    private final BitSet checkedChunks = new BitSet();
    private final ChunkChecks chunkChecks = new ChunkChecks();
    private final Map<Integer, String> pieceOrigins = new ConcurrentHashMap<>();
    private volatile DownloadSpec spec;
    private volatile TorrentContent content;
    private volatile Ed2kHash ed2k;
    private volatile String ed2kFrom;
    private volatile DownloadState state = DownloadState.QUEUED;
    private volatile String error;
    private volatile PartialFile file;
    private volatile PieceBoard board;
    private volatile Path completedPath;
    private volatile long downloadRate;
    private volatile long uploadRate;
    private Swarm swarm;

    Download(DownloadSpec spec, TorrentContent content, DownloadEnvironment env) {
        this.spec = spec;
        this.content = content;
        this.env = env;
    }

    String id() {
        return spec.id();
    }

    long createdAt() {
        return spec.createdAt();
    }

    DownloadSpec spec() {
        return spec;
    }

    DownloadState state() {
        return state;
    }

    TorrentContent content() {
        return content;
    }

    DownloadEnvironment env() {
        return env;
    }

    RateLimiter limiter() {
        return limiter;
    }

    Map<String, RemoteSource> sources() {
        return sources;
    }

    AtomicLong downloaded() {
        return downloaded;
    }

    /** The network each written, not yet committed piece came through (for the metrics' labels). */
    Map<Integer, String> pieceOrigins() {
        return pieceOrigins;
    }

    BitSet checkedChunks() {
        return checkedChunks;
    }

    ChunkChecks chunkChecks() {
        return chunkChecks;
    }

    PartialFile file() {
        return file;
    }

    PieceBoard board() {
        return board;
    }

    String ed2kFrom() {
        return ed2kFrom;
    }

    // ---- control ------------------------------------------------------------------------------

    synchronized void start() {
        if (spec.paused()) {
            state = DownloadState.PAUSED;
            openIfKnown();
            return;
        }
        error = null;
        state = content == null ? DownloadState.QUEUED : DownloadState.DOWNLOADING;
        swarm = new Swarm(this);
        swarm.start();
        publish();
    }

    synchronized Download pause() {
        if (state == DownloadState.PAUSED || state == DownloadState.COMPLETED) {
            return this;
        }
        spec = spec.withPaused(true);
        env.store().save(spec);
        stopSwarm();
        state = DownloadState.PAUSED;
        publish();
        return this;
    }

    synchronized Download resume() {
        if (state != DownloadState.PAUSED && state != DownloadState.FAILED) {
            return this;
        }
        spec = spec.withPaused(false);
        env.store().save(spec);
        start();
        return this;
    }

    synchronized void cancel() {
        stopSwarm();
        env.catalog().withdrawPartial(this);
        env.store().delete(id());
        if (file != null && completedPath == null) {
            try {
                file.delete();
            } catch (IOException e) {
                log.warn("download {}: cannot delete its part file: {}", id(), e.getMessage());
            }
        }
        state = DownloadState.FAILED;
        error = "cancelled";
    }

    /** Agent shutdown: stop transferring without recording a pause. */
    synchronized void shutdown() {
        stopSwarm();
        PartialFile f = file;
        if (f != null) {
            try {
                f.close();
            } catch (IOException e) {
                log.debug("download {}: closing its part file: {}", id(), e.getMessage());
            }
        }
    }

    private void stopSwarm() {
        if (swarm != null) {
            swarm.stop();
            swarm = null;
        }
    }

    // ---- called by the swarm --------------------------------------------------------------------

    /** The metainfo of a magnet / ed2k download arrived. */
    synchronized void resolved(TorrentContent resolved) {
        content = resolved;
        spec = spec.withTorrent(resolved.torrent(), resolved.infoHash());
        env.store().save(spec);
        state = DownloadState.DOWNLOADING;
        publish();
    }

    /** Opens the part file (resuming from its pieces file) and starts serving verified pieces. */
    synchronized PartialFile openIfKnown() {
        if (content != null && file == null && completedPath == null) {
            try {
                file = PartialFile.open(env.workDir(), id(), content.layout());
                board = new PieceBoard(content.layout().pieceCount(), file.verified());
                env.catalog().publishPartial(this);
            } catch (IOException e) {
                storageFailed(e);
            }
        }
        return file;
    }

    void adoptHashset(Ed2kHash hashset, String from) {
        if (ed2k == null && hashset != null) {
            ed2k = hashset;
            ed2kFrom = from;
        }
    }

    /** The adopted hashset proved wrong (a chunk failed MD4 while its pieces passed SHA-1). */
    void dropHashset() {
        ed2k = null;
        ed2kFrom = null;
    }

    synchronized void waiting(String why) {
        error = why;
        publish();
    }

    synchronized void completed(Path finalPath) {
        completedPath = finalPath;
        file = null;
        state = DownloadState.COMPLETED;
        error = null;
        env.store().delete(id());
        log.info("download {} complete: {}", id(), finalPath);
        publish();
    }

    /** A write failed (full disk, I/O error): pause with the reason; resume retries. */
    synchronized void storageFailed(IOException e) {
        if (state == DownloadState.COMPLETED) {
            return; // a late reader of the part file; the finished file is already in place
        }
        if (state == DownloadState.PAUSED && swarm == null) {
            return; // the other workers' writes failing the same way: paused and logged once
        }
        error = "cannot write to " + env.workDir() + ": " + e.getMessage()
                + " - free some space (or fix the disk) and resume the download";
        state = DownloadState.PAUSED;
        if (swarm != null) {
            swarm.stopAsync();
            swarm = null;
        }
        log.warn("download {} paused: {}", id(), error);
        publish();
    }

    synchronized void failed(String why) {
        error = why;
        state = DownloadState.FAILED;
        if (swarm != null) {
            swarm.stopAsync();
            swarm = null;
        }
        log.warn("download {} failed: {}", id(), why);
        publish();
    }

    void pieceFailed() {
        piecesFailed.incrementAndGet();
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

    long uploadedBytes() {
        return uploaded.get();
    }

    void publish() {
        DownloadView view = view();
        double progress = view.size() <= 0 ? (state == DownloadState.COMPLETED ? 1 : 0)
                : (double) view.verifiedBytes() / view.size();
        env.events().publishEvent(new DownloadEvent(id(), state, progress, view));
    }

    DownloadProgress progress() {
        if (content == null && spec.size() < 0) {
            return new DownloadProgress(downloaded.get(), uploaded.get(), DownloadProgress.UNKNOWN_LEFT);
        }
        long size = content == null ? spec.size() : content.layout().size();
        return new DownloadProgress(downloaded.get(), uploaded.get(), Math.max(0, size - verifiedBytes()));
    }

    // ---- views ----------------------------------------------------------------------------------

    DownloadView view() {
        TorrentContent c = content;
        String name = c != null ? c.name() : spec.link();
        long size = c != null ? c.layout().size() : spec.size();
        Path path = completedPath != null ? completedPath : c == null ? null : env.downloadDir().resolve(c.name());
        List<net.p2pnet.model.api.SourceView> sourceViews = sources.values().stream()
                .filter(s -> !s.isSuperseded()).map(RemoteSource::view).toList();
        Ed2kHash hashset = ed2k;
        String ed2kHex = hashset != null ? hashset.hex() : spec.ed2kHash();
        return new DownloadView(id(), name, size, state, verifiedBytes(), downloaded.get(), piecesFailed.get(),
                path == null ? null : path.toString(), error, sourceViews, infoHashOrNull(), ed2kHex,
                downloadRate, uploadRate);
    }

    byte[] pieceMap() {
        PieceBoard b = board;
        if (b != null && completedPath == null) {
            return b.snapshot();
        }
        int count = content == null ? 0 : content.layout().pieceCount();
        byte[] map = new byte[count];
        if (completedPath != null) {
            java.util.Arrays.fill(map, PieceBoard.VERIFIED);
        }
        return map;
    }

    private long verifiedBytes() {
        TorrentContent c = content;
        if (c == null) {
            return 0;
        }
        if (completedPath != null) {
            return c.layout().size();
        }
        PartialFile f = file;
        if (f == null) {
            return 0;
        }
        PieceLayout layout = c.layout();
        return f.verified().stream().mapToLong(layout::pieceSize).sum();
    }

    String infoHashOrNull() {
        return content != null ? content.infoHash() : spec.infoHash();
    }

    // ---- ServedContent --------------------------------------------------------------------------

    @Override
    public String infoHash() {
        return infoHashOrNull();
    }

    @Override
    public String name() {
        return content.name();
    }

    @Override
    public PieceLayout layout() {
        return content.layout();
    }

    @Override
    public byte[] torrent() {
        return content.torrent();
    }

    @Override
    public Ed2kHash ed2k() {
        return ed2k;
    }

    @Override
    public BitSet verifiedPieces() {
        if (completedPath != null) {
            BitSet all = new BitSet();
            all.set(0, content.layout().pieceCount());
            return all;
        }
        PartialFile f = file;
        return f == null ? new BitSet() : f.verified();
    }

    @Override
    public int read(long offset, ByteBuffer into) throws IOException {
        Path done = completedPath;
        if (done != null) {
            return content.isMultiFile() ? MultiFileContent.read(done, content.files(), offset, into)
                    : PartialFile.readFile(done, offset, into);
        }
        return file.read(offset, into);
    }

    @Override
    public void transferTo(long offset, long count, WritableByteChannel target) throws IOException {
        PartialFile partial = file;
        if (completedPath == null && partial != null) {
            partial.transferTo(offset, count, target);
        } else {
            ServedContent.super.transferTo(offset, count, target);
        }
    }

    @Override
    public Collection<InetSocketAddress> knownSources() {
        Set<InetSocketAddress> known = new java.util.HashSet<>();
        gossip.stream().filter(e -> PeerNetwork.P2PNET.equals(e.network())).forEach(e -> known.add(e.address()));
        sources.values().stream().filter(s -> !s.isMirror() && s.isUsable() && PeerNetwork.P2PNET.equals(s.network()))
                .forEach(s -> known.add(s.endpoint().address()));
        return known;
    }

    @Override
    public void noteSource(InetSocketAddress source) {
        learnt(List.of(SourceEndpoint.p2pnet(source)));
    }

    /** Adds sources learnt from other sources, as long as fewer than {@link #MAX_KNOWN_SOURCES} are kept. */
    void learnt(Collection<SourceEndpoint> endpoints) {
        for (SourceEndpoint endpoint : endpoints) {
            if (gossip.size() >= MAX_KNOWN_SOURCES) {
                return;
            }
            gossip.add(endpoint);
        }
    }

    @Override
    public void uploaded(long bytes) {
        uploaded.addAndGet(bytes);
    }

    /** Sources learnt from other sources (source and peer exchange, upgrades), not yet tried; read only. */
    Set<SourceEndpoint> gossip() {
        return java.util.Collections.unmodifiableSet(gossip);
    }

    /** What the networks need to check a source offers this download's content. */
    WantedContent wanted() {
        return new WantedContent(infoHash(), layout(), spec.ed2kHash(), spec.size());
    }
}
