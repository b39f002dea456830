package net.p2pnet.agent.upstream;

import java.net.InetAddress;
import java.time.Duration;
import net.p2pnet.agent.bittorrent.BtAdmission;
import net.p2pnet.agent.transfer.ContentCatalog;
import net.p2pnet.agent.transfer.ServedContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * BEP 27 for incoming BitTorrent connections: a private torrent is shared only with peers the
 * tracker handed out. A peer that joined after our last announce is not in that list yet, so an
 * unknown peer makes us ask the tracker again (at most every few seconds per torrent) before it is
 * refused; public torrents admit everyone.
 */
@Component
class TrackerAdmission implements BtAdmission {

    private static final Logger log = LoggerFactory.getLogger(TrackerAdmission.class);
    private static final Duration REFRESH_AT_MOST_EVERY = Duration.ofSeconds(5);

    private final TrackerClient tracker;
    private final HandedOutPeers handedOut;
    private final ContentCatalog catalog;

    TrackerAdmission(TrackerClient tracker, HandedOutPeers handedOut, ContentCatalog catalog) {
        this.tracker = tracker;
        this.handedOut = handedOut;
        this.catalog = catalog;
    }

    @Override
    public boolean admits(String infoHashHex, InetAddress remote, boolean privateTorrent) {
        if (!privateTorrent || handedOut.contains(infoHashHex, remote)) {
            return true;
        }
        if (tracker.configured() && handedOut.olderThan(infoHashHex, REFRESH_AT_MOST_EVERY)) {
            try {
                handedOut.record(infoHashHex, tracker.announce(infoHashHex, AnnounceEvent.NONE, 0, 0, left(infoHashHex))
                        .peers());
            } catch (UpstreamException e) {
                log.debug("private torrent {}: cannot ask the tracker about {}: {}", infoHashHex, remote, e.getMessage());
            }
        }
        boolean admitted = handedOut.contains(infoHashHex, remote);
        if (!admitted) {
            log.info("private torrent {}: refusing {}, which the tracker did not hand out", infoHashHex, remote);
        }
        return admitted;
    }

    private long left(String infoHashHex) {
        return catalog.find(infoHashHex).map(TrackerAdmission::missingBytes).orElse(0L);
    }

    private static long missingBytes(ServedContent content) {
        var layout = content.layout();
        return layout.size() - content.verifiedPieces().stream().mapToLong(layout::pieceSize).sum();
    }
}
