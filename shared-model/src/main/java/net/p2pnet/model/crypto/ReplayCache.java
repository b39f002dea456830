package net.p2pnet.model.crypto;

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
    /** nonce → timestamp, in arrival order (close to timestamp order). */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
    private long lowWaterMark = Long.MIN_VALUE;

    ReplayCache(int capacity, long windowSeconds) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay cache capacity must be at least 1");
        }
        this.capacity = capacity;
        this.windowSeconds = windowSeconds;
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
