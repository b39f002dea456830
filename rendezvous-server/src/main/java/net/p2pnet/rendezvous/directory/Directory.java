package net.p2pnet.rendezvous.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A replicated directory held in memory: sorted by key (so it can be paged through for
 * anti-entropy), merged by {@link Versions}, expiring entries a TTL after their last refresh.
 * Listeners hear of every change (pushing to other servers, persisting own entries, indexes).
 */
public final class Directory<E extends DirectoryEntry> {

    private final ConcurrentSkipListMap<String, E> entries = new ConcurrentSkipListMap<>();
    private final List<Consumer<E>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<E>> expiryListeners = new CopyOnWriteArrayList<>();
    private final Duration ttl;

    public Directory(Duration ttl) {
        this.ttl = ttl;
    }

    public void onChange(Consumer<E> listener) {
        listeners.add(listener);
    }

    /** Hears of entries dropped by {@link #expire}, so per-key state elsewhere can be dropped too. */
    public void onExpire(Consumer<E> listener) {
        expiryListeners.add(listener);
    }

    /** A live (not removed, not expired) entry. */
    public Optional<E> live(String key, Instant now) {
        E entry = entries.get(key);
        return entry != null && isLive(entry, now) ? Optional.of(entry) : Optional.empty();
    }

    /** The entry in any state, tombstones included. */
    public Optional<E> any(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Every live entry. */
    public List<E> live(Instant now) {
        List<E> live = new ArrayList<>();
        for (E entry : entries.values()) {
            if (isLive(entry, now)) {
                live.add(entry);
            }
        }
        return live;
    }

    /** Applies a copy received from another server; true if it was newer and replaced ours. */
    public boolean merge(E candidate) {
        boolean[] changed = {false};
        entries.compute(candidate.key(), (k, current) -> {
            // The skip list may call this more than once under contention: decide afresh each time.
            changed[0] = Versions.newer(candidate, current);
            return changed[0] ? candidate : current;
        });
        if (changed[0]) {
            notifyListeners(candidate);
        }
        return changed[0];
    }

    /**
     * A local change: {@code update} gets the current entry (or null) and returns the new one
     * (with a version from {@link Versions#next}) or the same instance for no change.
     */
    public E update(String key, UnaryOperator<E> update) {
        Object[] before = new Object[1];
        E after = entries.compute(key, (k, current) -> {
            before[0] = current;
            return update.apply(current);
        });
        if (after != null && after != before[0]) {
            notifyListeners(after);
        }
        return after;
    }

    /** Entries after {@code afterKey} (exclusive; null for the start), tombstones included. */
    public List<E> page(String afterKey, int limit) {
        ConcurrentNavigableMap<String, E> tail = afterKey == null ? entries : entries.tailMap(afterKey, false);
        List<E> page = new ArrayList<>(Math.min(limit, 1024));
        for (E entry : tail.values()) {
            if (page.size() >= limit) {
                break;
            }
            page.add(entry);
        }
        return page;
    }

    /** Drops entries (live or tombstones) not refreshed within the TTL; returns them. */
    public List<E> expire(Instant now) {
        Instant limit = now.minus(ttl);
        List<E> expired = new ArrayList<>();
        for (Map.Entry<String, E> e : entries.entrySet()) {
            if (e.getValue().refreshedAt().isBefore(limit) && entries.remove(e.getKey(), e.getValue())) {
                expired.add(e.getValue());
            }
        }
        for (E entry : expired) {
            expiryListeners.forEach(listener -> listener.accept(entry));
        }
        return expired;
    }

    public boolean isLive(E entry, Instant now) {
        return !entry.removed() && !entry.refreshedAt().plus(ttl).isBefore(now);
    }

    public int size() {
        return entries.size();
    }

    public Duration ttl() {
        return ttl;
    }

    private void notifyListeners(E entry) {
        for (Consumer<E> listener : listeners) {
            listener.accept(entry);
        }
    }
}
