package net.p2pnet.rendezvous.directory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The changes of entries this server is home for that must go out, shared by the push to other
 * servers and the write-behind to the database: content changes and removals at once, mere
 * refreshes only every {@code slack} ({@link RefreshCoalescer}). Also reports an own entry that
 * stopped being own (taken over by another server, or expired), so its row can go. One shared
 * filter keeps one small record per own entry instead of one per consumer.
 */
public final class OwnChanges<E extends DirectoryEntry> {

    private final RefreshCoalescer<E> propagated;
    private final Supplier<String> selfId;
    private final List<Consumer<E>> sinks = new CopyOnWriteArrayList<>();

    public OwnChanges(Directory<E> directory, Supplier<String> selfId, Duration slack) {
        this.propagated = new RefreshCoalescer<>(slack);
        this.selfId = selfId;
        directory.onChange(this::changed);
        directory.onExpire(this::dropped);
    }

    public void subscribe(Consumer<E> sink) {
        sinks.add(sink);
    }

    public boolean isOwn(E entry) {
        return entry.homeServer().equals(selfId.get());
    }

    private void changed(E entry) {
        if (isOwn(entry)) {
            if (propagated.mustPropagate(entry)) {
                emit(entry);
            }
        } else {
            dropped(entry);
        }
    }

    private void dropped(E entry) {
        if (propagated.isTracked(entry.key())) {
            propagated.forget(entry.key());
            emit(entry);
        }
    }

    private void emit(E entry) {
        sinks.forEach(sink -> sink.accept(entry));
    }
}
