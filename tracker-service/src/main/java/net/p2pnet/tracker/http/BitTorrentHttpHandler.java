package net.p2pnet.tracker.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.p2pnet.tracker.announce.AnnounceService;
import net.p2pnet.tracker.announce.Protocol;
import net.p2pnet.tracker.metrics.TrackerMetrics;
import net.p2pnet.tracker.metrics.TrackerMetrics.Endpoint;
import net.p2pnet.tracker.scrape.ScrapeService;
import net.p2pnet.tracker.swarm.AnnounceOutcome;
import net.p2pnet.tracker.swarm.Key20;
import net.p2pnet.tracker.swarm.TrackerRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /announce}, {@code /scrape} and their private forms {@code /a/<passkey>/announce|scrape}
 * from the raw query string. Errors go back the BitTorrent way: HTTP 200 with a bencoded
 * {@code failure reason}; nothing thrown here reaches the servlet container.
 */
public final class BitTorrentHttpHandler {

    private static final Logger log = LoggerFactory.getLogger(BitTorrentHttpHandler.class);

    private final AnnounceService announces;
    private final ScrapeService scrapes;
    private final TrackerMetrics metrics;
    private final boolean honourIpParameter;

    public BitTorrentHttpHandler(AnnounceService announces, ScrapeService scrapes, TrackerMetrics metrics,
                             boolean honourIpParameter) {
        this.announces = announces;
        this.scrapes = scrapes;
        this.metrics = metrics;
        this.honourIpParameter = honourIpParameter;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response, TrackerPath path) throws IOException {
        long start = System.nanoTime();
        ReplyBuffer reply;
        try {
            reply = switch (path.action()) {
                case ANNOUNCE -> announce(request, path.passkey());
                case SCRAPE -> scrape(request, path.passkey());
                case UNKNOWN -> throw new TrackerRefusal("unknown tracker path: use /announce or /scrape");
            };
        } catch (TrackerRefusal refusal) {
            metrics.refused(Protocol.HTTP);
            reply = TrackerReplies.failure(refusal.getMessage());
        } catch (RuntimeException bug) {
            // The path and query carry passkeys: log what was asked, never the credential.
            log.error("tracker {} request failed", path.action(), bug);
            reply = TrackerReplies.failure("internal tracker error");
        }
        response.setContentType("text/plain");
        response.setContentLength(reply.length());
        response.getOutputStream().write(reply.array(), 0, reply.length());
        metrics.timed(Protocol.HTTP, path.action() == TrackerPath.Action.SCRAPE ? Endpoint.SCRAPE : Endpoint.ANNOUNCE, start);
    }

    private ReplyBuffer announce(HttpServletRequest request, String pathPasskey) {
        byte[] remote = IpLiteral.parse(request.getRemoteAddr())
                .orElseThrow(() -> new TrackerRefusal("cannot read your IP address"));
        HttpAnnounce announce = HttpAnnounce.parse(RawQuery.parse(request.getQueryString()), remote, honourIpParameter);
        String passkey = pathPasskey != null ? pathPasskey : announce.passkey();
        AnnounceOutcome outcome = announces.announce(announce.request(), remote, passkey, Protocol.HTTP);
        return TrackerReplies.announce(outcome, announces.intervalSeconds(), announces.minIntervalSeconds(),
                announce.compact(), announce.noPeerId());
    }

    private ReplyBuffer scrape(HttpServletRequest request, String pathPasskey) {
        RawQuery query = RawQuery.parse(request.getQueryString());
        List<Key20> hashes = new ArrayList<>();
        String passkey = pathPasskey;
        for (RawQuery.Param p : query.params()) {
            if (p.name().equals("info_hash")) {
                hashes.add(HttpAnnounce.key20(query, p));
            } else if (p.name().equals("passkey") && passkey == null) {
                passkey = query.text(p);
            }
        }
        return TrackerReplies.scrape(scrapes.scrape(hashes, passkey), announces.minIntervalSeconds());
    }
}
