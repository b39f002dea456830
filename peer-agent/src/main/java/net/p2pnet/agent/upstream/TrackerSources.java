package net.p2pnet.agent.upstream;


import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.agent.download.DownloadProgress;
import net.p2pnet.agent.download.MetainfoResolver;
import net.p2pnet.agent.download.SourceEndpoint;
import net.p2pnet.agent.download.SourceFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import net.p2pnet.model.api.Ed2kLocation;

/**
 * The tracker as the download engine sees it: sources from announces (re-announced only when the
 * tracker's interval has passed; in between the last answer is reused) and torrents from the
 * tracker's registry for magnet and ed2k links.
 */
@Component
class TrackerSources implements SourceFinder, MetainfoResolver {

    private static final Logger log = LoggerFactory.getLogger(TrackerSources.class);

    /** The last announce for one download. */
    private record Announced(Instant due, List<InetSocketAddress> peers, boolean completedSent) {
    }

    private final TrackerClient tracker;
    private final HandedOutPeers handedOut;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Announced> announced = new ConcurrentHashMap<>();

    TrackerSources(TrackerClient tracker, HandedOutPeers handedOut) {
        this.tracker = tracker;
        this.handedOut = handedOut;
    }

    @Override
    public List<SourceEndpoint> findSources(String infoHashHex, DownloadProgress progress) {
        return peers(infoHashHex, progress).stream().map(this::endpoint).toList();
    }

    /** Peers the tracker handed out for an info-hash (announcing when due). */
    List<InetSocketAddress> peers(String infoHashHex, DownloadProgress progress) {
        if (!tracker.configured()) {
            return List.of();
        }
        Instant now = clock.instant();
        Announced last = announced.get(infoHashHex);
        boolean justCompleted = progress.left() == 0 && last != null && !last.completedSent();
        if (last != null && now.isBefore(last.due()) && !justCompleted) {
            return last.peers();
        }
        AnnounceEvent event = last == null ? AnnounceEvent.STARTED
                : justCompleted ? AnnounceEvent.COMPLETED : AnnounceEvent.NONE;
        try {
            AnnounceResult result = tracker.announce(infoHashHex, event, progress.uploaded(), progress.downloaded(),
                    progress.left());
            handedOut.record(infoHashHex, result.peers());
            List<InetSocketAddress> peers = result.peers().stream().filter(this::notMe).toList();
            // nobody yet: ask again as soon as the tracker allows rather than after the full interval
            Duration wait = peers.isEmpty() ? result.minInterval() : result.interval();
            announced.put(infoHashHex, new Announced(now.plus(wait), peers, progress.left() == 0));
            return peers;
        } catch (UpstreamException e) {
            log.warn("announce of {} failed: {}", infoHashHex, e.getMessage());
            return last == null ? List.of() : last.peers();
        }
    }

    @Override
    public Optional<byte[]> byInfoHash(String infoHashHex) {
        if (!tracker.configured()) {
            return Optional.empty();
        }
        try {
            return tracker.torrent(infoHashHex);
        } catch (UpstreamException e) {
            log.warn("cannot fetch torrent {} from the tracker: {}", infoHashHex, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> byEd2k(String ed2kHashHex, long size) {
        if (!tracker.configured()) {
            return Optional.empty();
        }
        try {
            // size is part of an ed2k file's identity: a torrent of another size is another file
            for (Ed2kLocation.Match match : tracker.localise(ed2kHashHex).map(Ed2kLocation::matches).orElse(List.of())) {
                if (match.size() == size) {
                    Optional<byte[]> torrent = tracker.torrent(match.infoHash());
                    if (torrent.isPresent()) {
                        return torrent;
                    }
                }
            }
            return Optional.empty();
        } catch (UpstreamException e) {
            log.warn("cannot localise ed2k {} through the tracker: {}", ed2kHashHex, e.getMessage());
            return Optional.empty();
        }
    }

    /** Trackers hand out the port each peer announced: agents announce their BitTorrent port when they have one. */
    private SourceEndpoint endpoint(InetSocketAddress peer) {
        return new SourceEndpoint(tracker.announcedNetwork(), peer);
    }

    private boolean notMe(InetSocketAddress peer) {
        // the tracker lists us among the sources of what we announced; a local address on our own
        // announced port is this agent
        return !(peer.getPort() == tracker.announcedPort() && peer.getAddress() != null
                && (peer.getAddress().isLoopbackAddress() || peer.getAddress().isAnyLocalAddress()));
    }
}
