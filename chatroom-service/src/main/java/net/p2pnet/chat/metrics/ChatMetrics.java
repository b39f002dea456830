package net.p2pnet.chat.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.p2pnet.chat.room.LiveRoom;
import net.p2pnet.chat.room.Rooms;
import org.springframework.stereotype.Component;

/**
 * The service's own meters. Gauges read the live rooms when scraped; per-room numbers are not tags
 * because room names are user input (unbounded cardinality).
 */
@Component
public class ChatMetrics {

    private final Counter messages;
    private final Counter rateLimited;
    private final MeterRegistry registry;

    public ChatMetrics(MeterRegistry registry, Rooms rooms) {
        this.registry = registry;
        Gauge.builder("p2pnet.chat.rooms", rooms, r -> r.all().size())
                .description("rooms hosted by this service").register(registry);
        Gauge.builder("p2pnet.chat.members", rooms, r -> r.all().stream().mapToInt(LiveRoom::memberCount).sum())
                .description("members present, summed over all rooms").register(registry);
        Gauge.builder("p2pnet.chat.stream.subscribers", rooms,
                        r -> r.all().stream().mapToInt(LiveRoom::subscriberCount).sum())
                .description("open event streams").register(registry);
        messages = Counter.builder("p2pnet.chat.messages").description("messages posted").register(registry);
        rateLimited = Counter.builder("p2pnet.chat.rate.limited")
                .description("messages, writes and reads refused by a per-member rate limit").register(registry);
    }

    public void messagePosted() {
        messages.increment();
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    /** One announcement to one rendezvous server; {@code result} is ok or failed. */
    public void announced(String result) {
        registry.counter("p2pnet.chat.announces", "result", result).increment();
    }
}
