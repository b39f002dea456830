package net.p2pnet.chat.quota;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.chat.config.ChatProperties.RateLimit;

/**
 * Bucket4j token buckets by key, on the service clock (tests move it instead of sleeping). Idle,
 * full buckets can be dropped, so the map holds only keys that were active lately.
 */
public final class TokenBuckets {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final RateLimit limit;
    private final TimeMeter time;

    public TokenBuckets(RateLimit limit, Clock clock) {
        this.limit = limit;
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

    /** Takes a token from {@code key}'s bucket; when none is left, how long until one is. */
    public Optional<Duration> tryConsume(String key) {
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Forgets buckets that are full again: they would behave exactly like new ones. */
    public void dropIdle() {
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
