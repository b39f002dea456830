package net.p2pnet.agent.transfer;

import java.time.Duration;

/**
 * The deadline a transfer connection is under right now (reading a request head, writing a block),
 * enforced by {@link TransferServer}'s watch, which closes the connection once it passes: a socket
 * read or write that blocks has no time limit of its own (a write none at all), and closing the
 * channel is what ends it.
 */
final class ConnectionDeadline {

    private volatile long atNanos;
    private volatile String what = "";

    /** From now on, {@code what} must be done within {@code limit}. */
    void arm(Duration limit, String what) {
        this.what = what;
        long at = System.nanoTime() + limit.toNanos();
        atNanos = at == 0 ? 1 : at; // 0 means "none"
    }

    void disarm() {
        atNanos = 0;
    }

    boolean passed(long nowNanos) {
        long at = atNanos;
        return at != 0 && nowNanos - at > 0;
    }

    String what() {
        return what;
    }
}
