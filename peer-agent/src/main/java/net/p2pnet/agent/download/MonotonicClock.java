package net.p2pnet.agent.download;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The engine's clock in production: the wall-clock time of the agent's start, advanced by
 * {@link System#nanoTime()}. The engine measures intervals with it (a mirror's grace period, rates,
 * discovery rounds), which a step of the system clock (NTP, a suspended VM) must not stretch or
 * turn negative. {@link #millis()} allocates nothing: piece selection reads it on every claim.
 */
final class MonotonicClock extends Clock {

    private final long originMillis;
    private final long originNanos;

    MonotonicClock() {
        this(System.currentTimeMillis(), System.nanoTime());
    }

    private MonotonicClock(long originMillis, long originNanos) {
        this.originMillis = originMillis;
        this.originNanos = originNanos;
    }

    @Override
    public long millis() {
        return originMillis + (System.nanoTime() - originNanos) / 1_000_000;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(originMillis).plusNanos(System.nanoTime() - originNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(getZone())) {
            return this;
        }
        throw new UnsupportedOperationException("the engine's clock is UTC only");
    }
}
