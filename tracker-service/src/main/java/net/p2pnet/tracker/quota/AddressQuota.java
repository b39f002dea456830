package net.p2pnet.tracker.quota;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts events per source address in fixed time windows, in constant memory and without
 * allocating (it sits on the announce path). A count-min sketch: two rows of 2^16 counters, each
 * a long holding the window number and the count, indexed by a hash keyed with a value drawn at
 * start, so nobody can aim their collisions at a chosen victim. Collisions only over-count: an
 * address never gets more than its quota, and an innocent one is held back only when it shares
 * its counter with a busy address in both rows.
 *
 * <p>IPv4 addresses count one by one; IPv6 addresses by their /64 prefix, because one host
 * usually holds a whole /64 and could otherwise pick a fresh address per request.
 */
public final class AddressQuota {

    private static final int SLOT_BITS = 16;
    private static final int SLOTS = 1 << SLOT_BITS;
    private static final int MASK = SLOTS - 1;

    private final AtomicLongArray counters = new AtomicLongArray(2 * SLOTS);
    private final int limit;
    private final long windowMillis;
    private final long seed = new SecureRandom().nextLong();

    public AddressQuota(int limit, long windowMillis) {
        if (limit < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("quota limit and window must be positive");
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
    }

    /** Counts one event of this address; false when it exceeds the address's quota for the current window. */
    public boolean tryAcquire(byte[] address, long nowMillis) {
        int window = (int) (nowMillis / windowMillis);
        long hash = hash(address);
        int first = increment((int) hash & MASK, window);
        int second = increment(SLOTS + ((int) (hash >>> 32) & MASK), window);
        return Math.min(first, second) <= limit;
    }

    public int limit() {
        return limit;
    }

    private int increment(int slot, int window) {
        while (true) {
            long current = counters.get(slot);
            int count = (int) (current >>> 32) == window ? (int) current : 0;
            int next = count == Integer.MAX_VALUE ? count : count + 1;
            if (counters.compareAndSet(slot, current, ((long) window << 32) | (next & 0xFFFFFFFFL))) {
                return next;
            }
        }
    }

    private long hash(byte[] address) {
        long value = address.length == 4 ? 0x4_0000_0000L | (readInt(address) & 0xFFFFFFFFL)
                : ((long) readInt(address) << 32) | (readInt(address, 4) & 0xFFFFFFFFL);
        return mix(value ^ seed);
    }

    private static int readInt(byte[] bytes) {
        return readInt(bytes, 0);
    }

    private static int readInt(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 24 | (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8
                | (b[offset + 3] & 0xFF);
    }

    /** SplitMix64's finaliser: every input bit reaches every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
