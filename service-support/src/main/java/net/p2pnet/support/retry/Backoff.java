package net.p2pnet.support.retry;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try an unreachable peer service again: the first pause after one failure, doubled per
 * further failure up to a maximum, so a dead server costs little and a recovered one is reached
 * again soon. Callers pass the time, so each measures it on the clock that suits it (a service
 * clock that tests move, or a monotonic one).
 */
public final class Backoff {

    /** Beyond this many doublings the pause is at its maximum anyway; keeps the arithmetic small. */
    private static final int MAX_DOUBLINGS = 30;

    private final Duration first;
    private final Duration max;
    private int failures;
    private Instant nextAttempt;

    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + first + " and " + max);
        }
        this.first = first;
        this.max = max;
    }

    /** The pause after {@code failures} failures in a row (at least one). */
    public static Duration pause(Duration first, Duration max, int failures) {
        Duration pause = first.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, MAX_DOUBLINGS));
        return pause.compareTo(max) > 0 ? max : pause;
    }

    /** True when no pause is running: never failed, or the pause after the last failure is over. */
    public synchronized boolean ready(Instant now) {
        return nextAttempt == null || !now.isBefore(nextAttempt);
    }

    public synchronized void succeeded() {
        failures = 0;
        nextAttempt = null;
    }

    /** Records a failure; returns the pause before the next attempt. */
    public synchronized Duration failed(Instant now) {
        failures = Math.min(failures + 1, MAX_DOUBLINGS + 1);
        Duration pause = pause(first, max, failures);
        nextAttempt = now.plus(pause);
        return pause;
    }

    /** Ends the running pause (something changed that makes an attempt worth it now); failures still count. */
    public synchronized void retryNow() {
        nextAttempt = null;
    }

    public synchronized int failures() {
        return failures;
    }
}
