package net.p2pnet.agent.share;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import net.p2pnet.model.api.ShareView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The files this agent shares, in memory (the control API and the transfer side read it often; the
 * hash cache in H2 is only consulted when a file is (re)discovered). Every state change is
 * published as a {@link ShareEvent}.
 */
@Component
public class ShareLibrary {

    private final Map<Path, ShareEntry> entries = new ConcurrentHashMap<>();
    private final ShareLinks links;
    private final ApplicationEventPublisher events;

    public ShareLibrary(ShareLinks links, ApplicationEventPublisher events) {
        this.links = links;
        this.events = events;
    }

    public List<ShareView> list() {
        return entries.values().stream().sorted(Comparator.comparing(ShareEntry::path)).map(links::view).toList();
    }

    public Optional<ShareView> find(Path path) {
        return Optional.ofNullable(entries.get(path)).map(links::view);
    }

    /** Shared files whose hashes are known (state SHARED). */
    public List<FileHashes> sharedFiles() {
        return entries.values().stream().filter(e -> e.hashes() != null && e.error() == null)
                .map(ShareEntry::hashes).toList();
    }

    Optional<ShareEntry> entry(Path path) {
        return Optional.ofNullable(entries.get(path));
    }

    Iterable<Path> paths() {
        return List.copyOf(entries.keySet());
    }

    void put(ShareEntry entry) {
        entries.put(entry.path(), entry);
        events.publishEvent(new ShareEvent(links.view(entry), false));
    }

    /** Updates an entry without an event (hashing progress is polled, not pushed per buffer). */
    void updateQuietly(Path path, UnaryOperator<ShareEntry> change) {
        entries.computeIfPresent(path, (p, e) -> change.apply(e));
    }

    /** Applies {@code change} if the entry still describes the same file state, then publishes it. */
    void update(Path path, long size, long mtimeMillis, UnaryOperator<ShareEntry> change) {
        ShareEntry updated = entries.computeIfPresent(path,
                (p, e) -> e.isFile(size, mtimeMillis) ? change.apply(e) : e);
        if (updated != null && updated.isFile(size, mtimeMillis)) {
            events.publishEvent(new ShareEvent(links.view(updated), false));
        }
    }

    /** Publishes the entry again (its upload counter changed). */
    void republish(Path path) {
        ShareEntry entry = entries.get(path);
        if (entry != null) {
            events.publishEvent(new ShareEvent(links.view(entry), false));
        }
    }

    Optional<ShareEntry> remove(Path path) {
        ShareEntry removed = entries.remove(path);
        if (removed != null) {
            events.publishEvent(new ShareEvent(links.view(removed), true));
        }
        return Optional.ofNullable(removed);
    }
}
