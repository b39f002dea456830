package net.p2pnet.agent.share;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Bytes served of each shared file, in memory: the transfer port counts every block here (through
 * {@code ServedContent.uploaded}), {@link UploadCountFlush} writes the changed totals to the hash
 * cache every few seconds. A total starts from what the cache row remembers.
 */
@Component
class UploadCounts {

    private final Map<Path, AtomicLong> totals = new ConcurrentHashMap<>();
    private final Set<Path> changed = ConcurrentHashMap.newKeySet();
    private final SharedFileRepository cache;

    UploadCounts(SharedFileRepository cache) {
        this.cache = cache;
    }

    /** What the transfer side calls for each block of {@code path} it sent. */
    LongConsumer counterFor(Path path) {
        AtomicLong total = total(path);
        return bytes -> {
            total.addAndGet(bytes);
            changed.add(path);
        };
    }

    long uploaded(Path path) {
        return total(path).get();
    }

    /** The totals changed since the last call. */
    Map<Path, Long> takeChanged() {
        Map<Path, Long> snapshot = new HashMap<>();
        for (Path path : changed) {
            changed.remove(path);
            snapshot.put(path, total(path).get());
        }
        return snapshot;
    }

    private AtomicLong total(Path path) {
        return totals.computeIfAbsent(path, p -> new AtomicLong(cache.uploaded(p.toString()).orElse(0L)));
    }
}
