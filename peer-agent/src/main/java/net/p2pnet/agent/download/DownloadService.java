package net.p2pnet.agent.download;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.api.DownloadView;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The agent's downloads: what the control API, the CLI and the web UI drive. Adding returns at once
 * (state QUEUED or DOWNLOADING); the work runs on the engine's threads and reports through
 * {@link DownloadEvent}s. Built by {@link DownloadConfiguration}.
 */
public class DownloadService {

    private static final Logger log = LoggerFactory.getLogger(DownloadService.class);

    private final Map<String, Download> downloads = new ConcurrentHashMap<>();
    private final DownloadFactory factory;

    DownloadService(DownloadFactory factory, DownloadMetrics metrics) {
        this.factory = factory;
        metrics.watch(downloads::values);
    }

    /** Resumes the downloads of the previous run (after a restart or a crash) once the transfer port is up. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeStored() {
        for (DownloadSpec spec : factory.environment().store().loadAll()) {
            try {
                Download download = factory.restore(spec);
                downloads.put(download.id(), download);
                download.start();
                log.info("resumed download {} ({})", spec.id(), spec.infoHash());
            } catch (RuntimeException e) {
                log.warn("cannot resume download {}: {}", spec.id(), e.getMessage());
            }
        }
    }

    /** Stops every transfer on shutdown; records and part files stay, so the next start resumes. */
    @PreDestroy
    void stopAll() {
        downloads.values().forEach(Download::shutdown);
    }

    /**
     * Starts a download from a magnet, ed2k or http(s) {@code .torrent} link.
     *
     * @throws InvalidDownloadException when the link is malformed or its torrent unusable
     */
    public DownloadView add(AddDownloadRequest request) {
        return register(factory.fromLink(request));
    }

    /**
     * Starts a download from the bytes of a {@code .torrent} file.
     *
     * @throws InvalidDownloadException when the torrent is malformed, hostile (unsafe paths) or unsupported
     */
    public DownloadView addTorrent(byte[] torrentFile, List<String> mirrors, List<String> sources) {
        return register(factory.fromTorrent(torrentFile, mirrors == null ? List.of() : mirrors,
                sources == null ? List.of() : sources, null));
    }

    /** Every download, oldest first. */
    public List<DownloadView> list() {
        return downloads.values().stream().sorted(Comparator.comparing(Download::createdAt))
                .map(Download::view).toList();
    }

    /** @throws UnknownDownloadException when no download has this id */
    public DownloadView get(String id) {
        return find(id).view();
    }

    /** Stops transferring, keeps verified pieces. Pausing a paused or finished download changes nothing. */
    public DownloadView pause(String id) {
        return find(id).pause().view();
    }

    /** Continues a paused (or disk-full) download. */
    public DownloadView resume(String id) {
        return find(id).resume().view();
    }

    /** Stops the download and deletes its incomplete data; a completed file stays where it is. */
    public void cancel(String id) {
        Download download = find(id);
        download.cancel();
        downloads.remove(id, download);
    }

    /** One byte per piece: 0 missing, 1 in flight, 2 verified, 3 failed (last attempt bad). */
    public byte[] pieceMap(String id) {
        return find(id).pieceMap();
    }

    /** Changes one download's own receive limit in bytes per second (0 = only the global limit). */
    public DownloadView setRateLimit(String id, long bytesPerSecond) {
        Download download = find(id);
        download.limiter().setRate(bytesPerSecond);
        return download.view();
    }

    private DownloadView register(Download download) {
        Download existing = download.infoHash() == null ? null : downloads.values().stream()
                .filter(d -> download.infoHash().equals(d.infoHash())).findFirst().orElse(null);
        if (existing != null) {
            factory.environment().store().delete(download.id()); // the same content is already a download
            return existing.view();
        }
        downloads.put(download.id(), download);
        download.start();
        return download.view();
    }

    private Download find(String id) {
        Download download = id == null ? null : downloads.get(id);
        if (download == null) {
            throw new UnknownDownloadException(id);
        }
        return download;
    }
}
