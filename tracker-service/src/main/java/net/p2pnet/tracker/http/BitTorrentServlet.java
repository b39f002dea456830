package net.p2pnet.tracker.http;

import jakarta.servlet.http.HttpServlet;
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
 * {@code /announce}, {@code /scrape} and their private forms {@code /a/<passkey>/announce|scrape}.
 * A plain servlet rather than a Spring MVC controller: it needs the raw query string anyway, and
 * skipping the dispatcher, argument resolvers and message converters measurably raises announces/s.
 * Errors go back the BitTorrent way: HTTP 200 with a bencoded {@code failure reason}.
 */
public final class BitTorrentServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(BitTorrentServlet.class);

    private final transient AnnounceService announces;
    private final transient ScrapeService scrapes;
    private final transient TrackerMetrics metrics;
    private final boolean honourIpParameter;

    public BitTorrentServlet(AnnounceService announces, ScrapeService scrapes, TrackerMetrics metrics,
                             boolean honourIpParameter) {
        this.announces = announces;
        this.scrapes = scrapes;
        this.metrics = metrics;
        this.honourIpParameter = honourIpParameter;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        TrackerPath path = TrackerPath.of(request.getServletPath(), request.getPathInfo());
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
            log.error("tracker request {}?{} failed", request.getRequestURI(), request.getQueryString(), bug);
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
        AnnounceOutcome outcome = announces.announce(announce.request(), passkey, Protocol.HTTP);
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
