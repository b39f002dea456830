package net.p2pnet.chat.directory;

import java.time.Duration;

/**
 * When to try an unreachable rendezvous server again: the announce interval doubled per failure, up
 * to {@link #MAX}, so a dead server costs little and a recovered one is announced to soon.
 */
final class Backoff {

    static final Duration MAX = Duration.ofMinutes(5);

    private final Duration base;
    private int failures;
    private long nextAttemptNanos;

    Backoff(Duration base) {
        this.base = base;
    }

    synchronized boolean ready(long nowNanos) {
        return failures == 0 || nowNanos - nextAttemptNanos >= 0;
    }

    synchronized void succeeded() {
        failures = 0;
    }

    /** Records a failure; returns the delay before the next attempt. */
    synchronized Duration failed(long nowNanos) {
        failures++;
        Duration delay = base.multipliedBy(1L << Math.min(failures, 16));
        if (delay.compareTo(MAX) > 0) {
            delay = MAX;
        }
        nextAttemptNanos = nowNanos + delay.toNanos();
        return delay;
    }

    synchronized int failures() {
        return failures;
    }
}
