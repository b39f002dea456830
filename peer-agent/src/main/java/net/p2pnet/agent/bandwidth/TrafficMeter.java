package net.p2pnet.agent.bandwidth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts payload bytes as {@code p2pnet_agent_bytes_total{direction="in|out", peer_kind}}, where
 * peer_kind is {@code agent} (another agent's transfer port), {@code mirror} (an HTTP mirror or BEP 19
 * web seed we fetch from), {@code http} (a plain HTTP client or BitTorrent client using us as a web seed)
 * or {@code bittorrent} (the BitTorrent peer wire, both directions).
 */
@Component
public class TrafficMeter {

    public enum Direction { IN, OUT }

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public TrafficMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(Direction direction, String peerKind, long bytes) {
        String dir = direction.name().toLowerCase(java.util.Locale.ROOT);
        counters.computeIfAbsent(dir + '/' + peerKind, k -> Counter.builder("p2pnet.agent.bytes")
                .description("payload bytes transferred")
                .tag("direction", dir).tag("peer_kind", peerKind).register(registry)).increment(bytes);
    }
}
