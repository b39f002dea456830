package net.p2pnet.chat.message;

import java.time.Clock;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.chat.error.RateLimitedException;
import net.p2pnet.chat.metrics.ChatMetrics;
import net.p2pnet.chat.room.LiveRoom;
import net.p2pnet.model.limit.TokenBuckets;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A Bucket4j token bucket per member and room. Buckets outlive a membership (leaving and joining again
 * does not refill one); idle, full buckets are dropped.
 */
@Component
class PostingLimiter {

    private final TokenBuckets buckets;
    private final ChatMetrics metrics;

    PostingLimiter(ChatProperties properties, Clock clock, ChatMetrics metrics) {
        this.buckets = properties.rateLimit().buckets(clock);
        this.metrics = metrics;
    }

    /** Takes a token for one message or throws {@link RateLimitedException}. */
    void consume(LiveRoom room, String peerId) {
        buckets.tryConsume(room.id() + "/" + peerId).ifPresent(wait -> {
            metrics.rateLimited();
            throw new RateLimitedException(wait);
        });
    }

    @Scheduled(fixedDelay = 60_000)
    void dropIdleBuckets() {
        buckets.dropIdle();
    }
}
