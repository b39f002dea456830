package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import net.p2pnet.agent.bandwidth.RateLimiter;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.storage.TorrentContent;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download's state machine: what it was asked to fetch ({@link DownloadSpec}), its state
 * (queued, downloading, paused, completed, failed) and why, its metainfo and part file once known.
 * The fetching itself is a {@link Swarm}, started and stopped with the download; every transition
 * is saved to the {@link DownloadStore} and published as a {@link DownloadEvent}.
 *
 * <p>What the swarm changes while it runs has owners of its own, which this class only holds:
 * sources ({@link SourceSet}), counters ({@link DownloadCounters}), the ed2k hashset
 * ({@link AdoptedHashset}), chunk checks ({@link ChunkChecks}) and piece states ({@link PieceBoard}).
 * The transfer port serves it through {@link ServedDownload}. Transitions are {@code synchronized};
 * the fields they set are volatile so the API and the workers read them without the lock.
 */
final class Download {

    private static final Logger log = LoggerFactory.getLogger(Download.class);

    private final DownloadEnvironment env;
    private final SourceSet sources = new SourceSet();
    private final DownloadCounters counters = new DownloadCounters();
    private final AdoptedHashset hashset = new AdoptedHashset();
    private final ChunkChecks chunkChecks = new ChunkChecks();
    private final RateLimiter limiter = new RateLimiter(0);
    private final ServedDownload served = new ServedDownload(this);
    private volatile DownloadSpec spec;
    private volatile TorrentContent content;
    private volatile DownloadState state = DownloadState.QUEUED;
    private volatile String error;
    private volatile PartialFile file;
    private volatile PieceBoard board;
    private volatile Path completedPath;
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

    /** The metainfo, or null until a magnet's or ed2k link's is found. */
    TorrentContent content() {
        return content;
    }

    DownloadEnvironment env() {
        return env;
    }

    /** The download's own receive limit (0 = only the global one). */
    RateLimiter limiter() {
        return limiter;
    }

    SourceSet sources() {
        return sources;
    }

    DownloadCounters counters() {
        return counters;
    }

    AdoptedHashset hashset() {
        return hashset;
    }

    ChunkChecks chunkChecks() {
        return chunkChecks;
    }

    /** The part file, or null before the metainfo is known and once complete. */
    PartialFile file() {
        return file;
    }

    /** The pieces' states, or null before the part file is open. */
    PieceBoard board() {
        return board;
    }

    /** Where the finished file is, or null until it is. */
    Path completedPath() {
        return completedPath;
    }

    /** The BitTorrent info-hash, or null until an ed2k link's metainfo is found. */
    String infoHash() {
        return content != null ? content.infoHash() : spec.infoHash();
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
        env.catalog().withdrawPartial(served);
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
                board = new PieceBoard(content.layout().pieceCount(), file.verified(), env.clock(), env.random());
                env.catalog().publishPartial(served);
            } catch (IOException e) {
                storageFailed(e);
            }
        }
        return file;
    }

    synchronized void waiting(String why) {
        error = why;
        publish();
    }

    synchronized void completed(Path finalPath) {
        completedPath = finalPath; // before the file is dropped: a reader that finds no part file finds this
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

    void publish() {
        DownloadView view = view();
        double progress = view.size() <= 0 ? (state == DownloadState.COMPLETED ? 1 : 0)
                : (double) view.verifiedBytes() / view.size();
        env.events().accept(new DownloadEvent(id(), state, progress, view));
    }

    DownloadProgress progress() {
        long received = counters.receivedBytes();
        long uploaded = counters.uploadedBytes();
        if (content == null && spec.size() < 0) {
            return new DownloadProgress(received, uploaded, DownloadProgress.UNKNOWN_LEFT);
        }
        long size = content == null ? spec.size() : content.layout().size();
        return new DownloadProgress(received, uploaded, Math.max(0, size - verifiedBytes()));
    }

    // ---- views ----------------------------------------------------------------------------------

    DownloadView view() {
        TorrentContent c = content;
        String name = c != null ? c.name() : spec.link();
        long size = c != null ? c.layout().size() : spec.size();
        Path path = completedPath != null ? completedPath : c == null ? null : env.downloadDir().resolve(c.name());
        var adopted = hashset.current();
        String ed2kHex = adopted != null ? adopted.hex() : spec.ed2kHash();
        return new DownloadView(id(), name, size, state, verifiedBytes(), counters.receivedBytes(),
                counters.piecesFailed(), path == null ? null : path.toString(), error, sources.views(), infoHash(),
                ed2kHex, counters.downloadRate(), counters.uploadRate());
    }

    byte[] pieceMap() {
        PieceBoard b = board;
        if (b != null && completedPath == null) {
            return b.snapshot();
        }
        int count = content == null ? 0 : content.layout().pieceCount();
        byte[] map = new byte[count];
        if (completedPath != null) {
            Arrays.fill(map, PieceBoard.VERIFIED);
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

    /** What the networks need to check a source offers this download's content. */
    WantedContent wanted() {
        return new WantedContent(infoHash(), content.layout(), spec.ed2kHash(), spec.size());
    }
}
