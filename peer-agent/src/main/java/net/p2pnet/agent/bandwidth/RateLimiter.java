package net.p2pnet.agent.bandwidth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;

/**
 * A byte-rate limit whose rate can change while transfers run. A token bucket (Bucket4j) holding at
 * most a quarter of a second of traffic: small enough that a burst after an idle moment stays within
 * a few percent of the rate over seconds, large enough for 16 KiB blocks at low rates.
 * Rate 0 means unlimited and costs nothing.
 */
public final class RateLimiter {

    private static final long MIN_CAPACITY = 16 * 1024;

    private volatile long bytesPerSecond;
    private volatile Bucket bucket;

    public RateLimiter(long bytesPerSecond) {
        setRate(bytesPerSecond);
    }

    public long rate() {
        return bytesPerSecond;
    }

    /** Changes the rate; transfers waiting now continue at the new rate. */
    public synchronized void setRate(long newBytesPerSecond) {
        if (newBytesPerSecond < 0) {
            throw new IllegalArgumentException("a rate must not be negative, was " + newBytesPerSecond);
        }
        if (newBytesPerSecond == 0) {
            bucket = null;
        } else if (bucket == null) {
            bucket = Bucket.builder().addLimit(bandwidth(newBytesPerSecond)).build();
        } else {
            bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(newBytesPerSecond)).build(),
                    TokensInheritanceStrategy.PROPORTIONALLY);
        }
        bytesPerSecond = newBytesPerSecond;
    }

    /** Blocks until {@code bytes} may pass. */
    public void acquire(long bytes) throws InterruptedException {
        long left = bytes;
        while (left > 0) {
            Bucket current = bucket;
            if (current == null) {
                return;
            }
            long step = Math.min(left, capacity(bytesPerSecond));
            current.asBlocking().consume(step);
            left -= step;
        }
    }

    private static Bandwidth bandwidth(long rate) {
        return Bandwidth.builder().capacity(capacity(rate)).refillGreedy(rate, Duration.ofSeconds(1))
                .initialTokens(0).build();
    }

    private static long capacity(long rate) {
        return Math.max(MIN_CAPACITY, rate / 4);
    }
}
