package net.p2pnet.model.crypto;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the nonces of accepted signed requests for as long as their timestamp is inside the
 * skew window, with a hard bound on memory. When full it forgets the oldest nonce and raises a
 * low-water mark: from then on any request signed at or before that nonce's timestamp is refused,
 * so forgetting never lets a replay through (at worst an honest but very late request is refused).
 */
final class ReplayCache {

    private final int capacity;
    private final long windowSeconds;
    private final long maxSkewSeconds;
    /** nonce → timestamp, in arrival order (close to timestamp order). */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
    private long lowWaterMark = Long.MIN_VALUE;

    /**
     * @param capacity how many nonces to remember at most
     * @param maxSkew  how far a request's timestamp may be from our clock, either way; a nonce is
     *                 remembered as long as its timestamp is acceptable (skew on both sides)
     */
    ReplayCache(int capacity, Duration maxSkew) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay cache capacity must be at least 1");
        }
        if (maxSkew.isNegative() || maxSkew.isZero()) {
            throw new IllegalArgumentException("maximum clock skew must be positive");
        }
        this.capacity = capacity;
        this.maxSkewSeconds = maxSkew.toSeconds();
        this.windowSeconds = 2 * maxSkewSeconds + 1;
    }

    /**
     * The check of a signed request's timestamp and nonce: refused when more than the maximum skew
     * from {@code now} either way (CLOCK_SKEW) or seen before (REPLAYED); else the nonce is remembered.
     */
    void requireFresh(String nonce, long timestamp, long now) {
        if (Math.abs(now - timestamp) > maxSkewSeconds) {
            throw new VerificationException(VerificationException.Reason.CLOCK_SKEW, "request timestamp " + timestamp
                    + " is " + (now - timestamp) + " s from our clock (" + now + "); at most " + maxSkewSeconds
                    + " s allowed: check the clocks");
        }
        if (!firstSeen(nonce, timestamp, now)) {
            throw new VerificationException(VerificationException.Reason.REPLAYED,
                    "request nonce was already used: replayed request refused");
        }
    }

    /** Records the nonce; false when it was seen before or is too old to be checked. */
    synchronized boolean firstSeen(String nonce, long timestamp, long nowSeconds) {
        purgeOlderThan(nowSeconds - windowSeconds);
        if (timestamp <= lowWaterMark || seen.containsKey(nonce)) {
            return false;
        }
        if (seen.size() >= capacity) {
            Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator();
            lowWaterMark = Math.max(lowWaterMark, oldest.next().getValue());
            oldest.remove();
            if (timestamp <= lowWaterMark) {
                return false;
            }
        }
        seen.put(nonce, timestamp);
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    private void purgeOlderThan(long limit) {
        Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() >= limit) {
                return;
            }
            it.remove();
        }
    }
}
