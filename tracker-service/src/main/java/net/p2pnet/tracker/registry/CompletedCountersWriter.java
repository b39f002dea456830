package net.p2pnet.tracker.registry;

import java.util.List;
import java.util.Map;
import net.p2pnet.tracker.swarm.Key20;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes changed completed-download counters to {@code swarm_stats} in the background, so the
 * announce that counts a download never waits for the database. A crash loses at most one period.
 */
public final class CompletedCountersWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CompletedCountersWriter.class);

    private final SwarmRegistry swarms;
    private final SwarmStatsRepository repository;

    CompletedCountersWriter(SwarmRegistry swarms, SwarmStatsRepository repository) {
        this.swarms = swarms;
        this.repository = repository;
    }

    @Override
    public void run() {
        Map<Key20, Long> changed = swarms.takeUnpersistedDownloaded();
        if (changed.isEmpty()) {
            return;
        }
        List<SwarmStatsEntity> rows = changed.entrySet().stream()
                .map(e -> new SwarmStatsEntity(e.getKey().hex(), e.getValue())).toList();
        try {
            repository.saveAll(rows);
        } catch (RuntimeException e) {
            // Put them back so the next run retries instead of losing the counts.
            changed.forEach((hash, count) -> swarms.markUnpersisted(hash));
            log.warn("could not persist {} completed counters, will retry: {}", rows.size(), e.toString());
        }
    }
}
