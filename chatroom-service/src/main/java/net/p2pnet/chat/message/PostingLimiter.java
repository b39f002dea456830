package net.p2pnet.chat.message;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.chat.error.RateLimitedException;
import net.p2pnet.chat.metrics.ChatMetrics;
import net.p2pnet.chat.room.LiveRoom;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A Bucket4j token bucket per member and room. Buckets outlive a membership (leaving and joining again
 * does not refill one); idle, full buckets are dropped.
 */
@Component
class PostingLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ChatProperties.RateLimit limit;
    private final TimeMeter time;
    private final ChatMetrics metrics;

    PostingLimiter(ChatProperties properties, Clock clock, ChatMetrics metrics) {
        this.limit = properties.rateLimit();
        this.metrics = metrics;
        // Bucket4j's time follows the service clock, so tests can move it instead of sleeping.
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes a token for one message or throws {@link RateLimitedException}. */
    void consume(LiveRoom room, String peerId) {
        Bucket bucket = buckets.computeIfAbsent(room.id() + "/" + peerId, k -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            metrics.rateLimited();
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    @Scheduled(fixedDelay = 60_000)
    void dropIdleBuckets() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= limit.burst());
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst()).refillGreedy(limit.refill(), limit.period())
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }
}
