package net.p2pnet.rendezvous.directory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which changes of an entry must be propagated (pushed to other servers, written to the
 * database) and which are mere refreshes that can wait. A peer beating every minute changes only
 * its last-seen time; propagating every beat would cost a message per beat per server and a
 * database write per beat. A refresh is propagated once the last propagated copy is
 * {@code slack} old, well inside the TTL, so remote copies never expire while the peer is alive.
 */
public final class RefreshCoalescer<E extends DirectoryEntry> {

    private final Map<String, E> propagated = new ConcurrentHashMap<>();
    private final Duration slack;

    public RefreshCoalescer(Duration slack) {
        this.slack = slack;
    }

    /** True when {@code entry} must be propagated now; it is then remembered as the propagated copy. */
    public boolean mustPropagate(E entry) {
        boolean[] must = {false};
        propagated.compute(entry.key(), (key, last) -> {
            must[0] = last == null || !last.sameContent(entry)
                    || Duration.between(last.refreshedAt(), entry.refreshedAt()).compareTo(slack) >= 0;
            return must[0] ? entry : last;
        });
        return must[0];
    }

    /** The last propagated copy of {@code key}, or null. */
    public E last(String key) {
        return propagated.get(key);
    }

    public void forget(String key) {
        propagated.remove(key);
    }

    public boolean isTracked(String key) {
        return propagated.containsKey(key);
    }
}
