package net.p2pnet.rendezvous.directory;

import java.time.Clock;

/**
 * Entry versions: milliseconds of the wall clock, but always at least one more than the version
 * replaced (a hybrid logical clock, simplified). An update made later therefore wins even when
 * servers' clocks differ by less than the signed-request skew window, and a server whose clock is
 * behind still moves an entry forward. Equal versions are ordered by home server, so every server
 * picks the same winner.
 */
public final class Versions {

    private Versions() {
    }

    public static long next(Clock clock, DirectoryEntry previous) {
        long now = clock.millis();
        return previous == null ? now : Math.max(now, previous.version() + 1);
    }

    /** True when {@code candidate} should replace {@code current}. */
    public static boolean newer(DirectoryEntry candidate, DirectoryEntry current) {
        if (current == null) {
            return true;
        }
        if (candidate.version() != current.version()) {
            return candidate.version() > current.version();
        }
        return candidate.homeServer().compareTo(current.homeServer()) > 0;
    }
}
