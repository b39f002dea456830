package net.p2pnet.rendezvous.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Keeps the entries this server is home for in the database, written behind in batches: registering
 * and heartbeats only touch memory (the hot path), {@link #flush()} runs on a timer. On start,
 * {@link #load} puts them back into the directory, from where they propagate again.
 *
 * @param <E>  directory entry
 * @param <T>  JPA entity
 * @param <ID> entity id
 */
public final class OwnEntryPersister<E extends DirectoryEntry, T, ID> {

    private final Directory<E> directory;
    private final JpaRepository<T, ID> repository;
    private final Function<E, T> toEntity;
    private final Function<E, ID> idOf;
    private final Supplier<String> selfId;
    /** Key → the last change seen, waiting for the next flush. */
    private final Map<String, E> dirty = new ConcurrentHashMap<>();
    /** Keys that have a row in the table. */
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    public OwnEntryPersister(Directory<E> directory, JpaRepository<T, ID> repository, Function<E, T> toEntity,
            Function<E, ID> idOf, Supplier<String> selfId) {
        this.directory = directory;
        this.repository = repository;
        this.toEntity = toEntity;
        this.idOf = idOf;
        this.selfId = selfId;
        directory.onChange(this::changed);
    }

    /** Loads stored entries into the directory as entries of this server. */
    public int load(Function<T, E> toRecord) {
        List<T> rows = repository.findAll();
        for (T row : rows) {
            E entry = toRecord.apply(row);
            stored.add(entry.key());
            directory.merge(entry);
        }
        return rows.size();
    }

    /** Entries dropped by expiry: their rows go at the next flush. */
    public void expired(List<E> entries) {
        entries.forEach(this::changed);
    }

    /** Writes pending changes: own live entries are saved, everything else that has a row is deleted. */
    public void flush() {
        List<T> save = new ArrayList<>();
        List<ID> delete = new ArrayList<>();
        for (String key : List.copyOf(dirty.keySet())) {
            E change = dirty.remove(key);
            E current = directory.any(key).orElse(null);
            if (current != null && !current.removed() && current.homeServer().equals(selfId.get())) {
                save.add(toEntity.apply(current));
                stored.add(key);
            } else if (stored.remove(key)) {
                delete.add(idOf.apply(change));
            }
        }
        if (!save.isEmpty()) {
            repository.saveAll(save);
        }
        if (!delete.isEmpty()) {
            repository.deleteAllById(delete);
        }
    }

    private void changed(E entry) {
        if (stored.contains(entry.key()) || entry.homeServer().equals(selfId.get())) {
            dirty.put(entry.key(), entry);
        }
    }
}
