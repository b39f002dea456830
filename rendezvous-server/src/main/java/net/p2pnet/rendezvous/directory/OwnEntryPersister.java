package net.p2pnet.rendezvous.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Keeps the entries this server is home for in the database, written behind in batches: registering
 * and heartbeats only touch memory (the hot path), {@link #flush()} runs on a timer. It hears only
 * what {@link OwnChanges} lets through, so mere refreshes are written every quarter TTL; after a
 * crash an entry may look that much older than it was. On start, {@link #load} puts the entries
 * back into the directory, from where they propagate again.
 *
 * @param <E>  directory entry
 * @param <T>  JPA entity
 * @param <ID> entity id
 */
public final class OwnEntryPersister<E extends DirectoryEntry, T, ID> {

    private final Directory<E> directory;
    private final OwnChanges<E> ownChanges;
    private final JpaRepository<T, ID> repository;
    private final Function<E, T> toEntity;
    private final Function<E, ID> idOf;
    /** Key → the last change heard, waiting for the next flush. */
    private final Map<String, E> dirty = new ConcurrentHashMap<>();

    public OwnEntryPersister(Directory<E> directory, OwnChanges<E> ownChanges, JpaRepository<T, ID> repository,
            Function<E, T> toEntity, Function<E, ID> idOf) {
        this.directory = directory;
        this.ownChanges = ownChanges;
        this.repository = repository;
        this.toEntity = toEntity;
        this.idOf = idOf;
        ownChanges.subscribe(entry -> dirty.put(entry.key(), entry));
    }

    /** Loads stored entries into the directory as entries of this server. */
    public int load(Function<T, E> toRecord) {
        List<T> rows = repository.findAll();
        rows.forEach(row -> directory.merge(toRecord.apply(row)));
        return rows.size();
    }

    /** Writes pending changes: own live entries are saved, the others' rows deleted. */
    public void flush() {
        List<T> save = new ArrayList<>();
        List<ID> delete = new ArrayList<>();
        Map<String, E> taken = new HashMap<>();
        for (String key : List.copyOf(dirty.keySet())) {
            E change = dirty.remove(key);
            if (change == null) {
                continue;
            }
            taken.put(key, change);
            E current = directory.any(key).orElse(null);
            if (current != null && !current.removed() && ownChanges.isOwn(current)) {
                save.add(toEntity.apply(current));
            } else {
                delete.add(idOf.apply(change));
            }
        }
        try {
            if (!save.isEmpty()) {
                repository.saveAll(save);
            }
            if (!delete.isEmpty()) {
                repository.deleteAllById(delete);
            }
        } catch (RuntimeException e) {
            taken.forEach(dirty::putIfAbsent); // kept for the next flush; a newer change heard meanwhile wins
            throw e;
        }
    }
}
