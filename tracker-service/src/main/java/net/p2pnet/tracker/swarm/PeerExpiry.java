package net.p2pnet.tracker.swarm;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drops peers that missed two announce intervals (BEP 3 clients re-announce every interval). */
public final class PeerExpiry implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PeerExpiry.class);

    private final SwarmRegistry swarms;
    private final Duration timeout;
    private final Clock clock;

    public PeerExpiry(SwarmRegistry swarms, Duration timeout, Clock clock) {
        this.swarms = swarms;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void run() {
        int removed = swarms.expire(clock.millis() - timeout.toMillis());
        if (removed > 0) {
            log.info("expired {} peers silent for more than {}s", removed, timeout.toSeconds());
        }
    }
}
