package net.p2pnet.model.limit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bucket4j token buckets by key (a member, a source address): {@code burst} at once, then
 * {@code refill} per {@code period}, on the given clock (tests move it instead of sleeping). At most
 * {@code maxKeys} buckets are kept: {@link #dropIdle()} forgets the full ones (they behave like new
 * ones), and while the table is full, keys without a bucket share one, so a flood of new keys costs
 * no memory and cannot take the budget of keys already known.
 */
public final class TokenBuckets {

    /** The bucket shared by new keys while the table is full. */
    private static final String OVERFLOW = "\u0000overflow";

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int burst;
    private final int refill;
    private final Duration period;
    private final int maxKeys;
    private final TimeMeter time;

    public TokenBuckets(int burst, int refill, Duration period, Clock clock, int maxKeys) {
        if (burst < 1 || refill < 1 || period.isNegative() || period.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("a token bucket needs burst, refill and keys ≥ 1 and a positive period");
        }
        this.burst = burst;
        this.refill = refill;
        this.period = period;
        this.maxKeys = maxKeys;
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
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = buckets.size() < maxKeys ? buckets.computeIfAbsent(key, k -> newBucket())
                    : buckets.computeIfAbsent(OVERFLOW, k -> newBucket());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Forgets buckets that are full again. Call it now and then (a scheduled task). */
    public void dropIdle() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= burst);
    }

    /** Buckets held now. */
    public int size() {
        return buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(refill, period).build())
                .withCustomTimePrecision(time)
                .build();
    }
}
