package net.p2pnet.tracker.announce;

import java.time.Clock;
import net.p2pnet.tracker.config.TrackerProperties;
import net.p2pnet.tracker.metrics.TrackerMetrics;
import net.p2pnet.tracker.quota.AddressQuota;
import net.p2pnet.tracker.swarm.AnnounceOutcome;
import net.p2pnet.tracker.swarm.PeerAnnounce;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import net.p2pnet.tracker.swarm.TrackerRefusal;

/**
 * Announce policy shared by the HTTP and UDP front ends: access check, numwant cap, the swarm
 * update and the metrics. Touches only memory (never JPA): this is the tracker's hot path.
 */
public final class AnnounceService {

    private final SwarmRegistry swarms;
    private final AccessPolicy access;
    private final TrackerMetrics metrics;
    private final TrackerProperties properties;
    private final Clock clock;
    private final AddressQuota announceQuota;

    public AnnounceService(SwarmRegistry swarms, AccessPolicy access, TrackerMetrics metrics,
                           TrackerProperties properties, Clock clock) {
        this.announceQuota = new AddressQuota(properties.quotas().announcesPerAddress(),
                properties.quotas().window().toMillis());
        this.swarms = swarms;
        this.access = access;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param request with {@code numwant} as the client asked (negative when it did not)
     * @param source  the address the request came from (quotas count it, whatever address the request names)
     * @throws net.p2pnet.tracker.swarm.TrackerRefusal when refused, with the reason for the client
     */
    public AnnounceOutcome announce(PeerAnnounce request, byte[] source, String passkey, Protocol protocol) {
        long now = clock.millis();
        // Before the passkey's MAC: the cheapest refusal first.
        if (!announceQuota.tryAcquire(source, now)) {
            throw new TrackerRefusal("too many announces from your address (at most " + announceQuota.limit()
                    + " per " + properties.quotas().window().toSeconds() + " s): try again later");
        }
        access.checkAnnounce(request.infoHash(), passkey);
        PeerAnnounce capped = new PeerAnnounce(request.infoHash(), request.peerId(), request.address(),
                request.port(), request.left(), request.event(), numwant(request.numwant()), request.key());
        AnnounceOutcome outcome = swarms.announce(capped, source, now);
        metrics.announced(protocol, request.event(), outcome.newlyCompleted());
        return outcome;
    }

    private int numwant(int requested) {
        return requested < 0 ? properties.defaultNumwant() : Math.min(requested, properties.maxNumwant());
    }

    public int intervalSeconds() {
        return (int) properties.interval().toSeconds();
    }

    public int minIntervalSeconds() {
        return (int) properties.minInterval().toSeconds();
    }
}
