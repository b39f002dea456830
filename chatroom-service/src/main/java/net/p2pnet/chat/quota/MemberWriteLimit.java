package net.p2pnet.chat.quota;

import java.time.Clock;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.chat.error.RateLimitedException;
import net.p2pnet.chat.metrics.ChatMetrics;
import net.p2pnet.model.limit.TokenBuckets;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One token bucket per member ({@code p2pnet.chatroom.member-rate-limit}) for everything that
 * stores something: messages, joins, rooms created, topic changes, in any room. The per-room posting
 * limit alone let one ticket write in a hundred rooms at a hundred times the rate.
 */
@Component
public class MemberWriteLimit {

    private final TokenBuckets buckets;
    private final ChatMetrics metrics;

    MemberWriteLimit(ChatProperties properties, Clock clock, ChatMetrics metrics) {
        this.buckets = properties.memberRateLimit().buckets(clock);
        this.metrics = metrics;
    }

    /** Takes one write of {@code peerId}'s budget, or throws 429 with {@code Retry-After}. */
    public void consume(String peerId) {
        buckets.tryConsume(peerId).ifPresent(wait -> {
            metrics.rateLimited();
            throw new RateLimitedException("too many writes from this member (messages, joins, rooms, topics "
                    + "across all rooms)", "before the next one (p2pnet.chatroom.member-rate-limit)", wait);
        });
    }

    @Scheduled(fixedDelay = 60_000)
    void dropIdleBuckets() {
        buckets.dropIdle();
    }
}
