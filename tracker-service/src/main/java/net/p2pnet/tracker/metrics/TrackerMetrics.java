package net.p2pnet.tracker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.p2pnet.tracker.announce.Protocol;
import net.p2pnet.tracker.swarm.Event;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import net.p2pnet.tracker.swarm.SwarmSnapshot;

/**
 * The tracker's Micrometer meters. Counters and timers are created once, here, so the announce path
 * only increments pre-resolved meters instead of looking them up by tags on every request.
 */
public final class TrackerMetrics {

    /** Which request a timer or refusal counter is for. */
    public enum Endpoint { ANNOUNCE, SCRAPE, CONNECT }

    private final Map<Protocol, Map<Event, Counter>> announces = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Map<Endpoint, Timer>> timers = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Counter> refusals = new EnumMap<>(Protocol.class);
    private final Counter completed;

    public TrackerMetrics(MeterRegistry registry, SwarmRegistry swarms) {
        for (Protocol protocol : Protocol.values()) {
            Map<Event, Counter> byEvent = new EnumMap<>(Event.class);
            for (Event event : Event.values()) {
                byEvent.put(event, Counter.builder("p2pnet.tracker.announces")
                        .description("Announces answered, by event and protocol")
                        .tag("event", event.tag()).tag("protocol", protocol.tag()).register(registry));
            }
            announces.put(protocol, byEvent);
            Map<Endpoint, Timer> byEndpoint = new EnumMap<>(Endpoint.class);
            for (Endpoint endpoint : Endpoint.values()) {
                byEndpoint.put(endpoint, Timer.builder("p2pnet.tracker.requests")
                        .description("Time to answer a tracker request")
                        .tag("endpoint", endpoint.name().toLowerCase()).tag("protocol", protocol.tag())
                        .publishPercentileHistogram(false).register(registry));
            }
            timers.put(protocol, byEndpoint);
            refusals.put(protocol, Counter.builder("p2pnet.tracker.refusals")
                    .description("Requests answered with a failure reason")
                    .tag("protocol", protocol.tag()).register(registry));
        }
        completed = Counter.builder("p2pnet.tracker.completed")
                .description("Downloads completed (first 'completed' event of each peer)").register(registry);
        Gauge.builder("p2pnet.tracker.swarms", swarms, SwarmRegistry::swarmCount)
                .description("Swarms tracked in memory").register(registry);
        Gauge.builder("p2pnet.tracker.peers", swarms, s -> count(s, true))
                .description("Peers tracked, by state").tag("state", "seeder").register(registry);
        Gauge.builder("p2pnet.tracker.peers", swarms, s -> count(s, false))
                .description("Peers tracked, by state").tag("state", "leecher").register(registry);
    }

    public void announced(Protocol protocol, Event event, boolean newlyCompleted) {
        announces.get(protocol).get(event).increment();
        if (newlyCompleted) {
            completed.increment();
        }
    }

    public void refused(Protocol protocol) {
        refusals.get(protocol).increment();
    }

    public void timed(Protocol protocol, Endpoint endpoint, long startNanos) {
        timers.get(protocol).get(endpoint).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private static double count(SwarmRegistry swarms, boolean seeders) {
        long total = 0;
        for (SwarmSnapshot swarm : swarms.snapshot()) {
            total += seeders ? swarm.stats().seeders() : swarm.stats().leechers();
        }
        return total;
    }
}
