package net.p2pnet.rendezvous.federation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.model.limit.TokenBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts refused federation attempts ({@code p2pnet_federation_auth_failures_total{reason}}) and
 * logs each offending address once, so a misconfigured neighbour retrying every few seconds does
 * not flood the log; and at most {@value #NEW_LINES_PER_MINUTE} new addresses a minute, because the
 * address of an unauthenticated hello is whatever its sender writes (a flood with a fresh one each
 * time would otherwise write a line per request).
 */
@Component
public class AuthFailures {

    private static final Logger log = LoggerFactory.getLogger(AuthFailures.class);
    private static final int REMEMBERED = 10_000;
    static final int NEW_LINES_PER_MINUTE = 20;

    private final MeterRegistry registry;
    private final TokenBuckets lines = new TokenBuckets(NEW_LINES_PER_MINUTE, NEW_LINES_PER_MINUTE,
            Duration.ofMinutes(1), Clock.systemUTC(), 1);
    private final Set<String> logged = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public AuthFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String address, VerificationException e) {
        counter(e.reason().name().toLowerCase()).increment();
        boolean first;
        synchronized (logged) {
            first = logged.add(address);
        }
        if (first && lines.tryConsume("log").isEmpty()) {
            log.warn("refused federation with {}: {} (logged once per address)", address, e.getMessage());
        }
    }

    private Counter counter(String reason) {
        return Counter.builder("p2pnet.federation.auth.failures")
                .description("Federation handshakes and signed requests refused").tag("reason", reason)
                .register(registry);
    }
}
