package net.p2pnet.tracker.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import net.p2pnet.tracker.config.TrackerProperties;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Starts the registry's background jobs: the allowed-directory scan and the counter writer. */
@Component
class RegistryScheduling implements DisposableBean {

    private final CompletedCountersWriter countersWriter;

    RegistryScheduling(TrackerProperties properties, TorrentRegistry registry, SwarmRegistry swarms,
                       SwarmStatsRepository stats, TaskScheduler scheduler) {
        this.countersWriter = new CompletedCountersWriter(swarms, stats);
        scheduler.scheduleWithFixedDelay(countersWriter, properties.statsFlush());
        if (properties.allowedDir() != null) {
            try {
                Files.createDirectories(properties.allowedDir());
            } catch (IOException e) {
                throw new UncheckedIOException("p2pnet.tracker.allowed-dir " + properties.allowedDir()
                        + " is not a usable directory", e);
            }
            AllowedDirWatcher watcher = new AllowedDirWatcher(properties.allowedDir(), registry, properties.privateMode());
            watcher.run();
            scheduler.scheduleWithFixedDelay(watcher, properties.allowedDirScan());
        }
    }

    /** Last write on shutdown, so a clean stop loses no completed count. */
    @Override
    public void destroy() {
        countersWriter.run();
    }
}
