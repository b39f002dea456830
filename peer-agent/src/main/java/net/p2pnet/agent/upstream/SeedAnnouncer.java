package net.p2pnet.agent.upstream;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.function.LongSupplier;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps every shared file registered with the tracker and announced as a seed (left=0) at the
 * interval the tracker asks for. A tracker that is down is retried with a growing delay, so a
 * network whose tracker starts after the agents still gets every file registered.
 */
@Component
public class SeedAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(SeedAnnouncer.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);
    private static final Duration TICK = Duration.ofSeconds(1);

    /** One seeded file and when to talk to the tracker about it next. */
    private record Seed(String infoHash, byte[] torrent, String ed2kHash, LongSupplier uploaded, boolean registered,
                        boolean started, Instant due, Duration retry) {
    }

    private final TrackerClient tracker;
    private final HandedOutPeers handedOut;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Seed> seeds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("seed-announcer").factory());

    public SeedAnnouncer(TrackerClient tracker, HandedOutPeers handedOut) {
        this.tracker = tracker;
        this.handedOut = handedOut;
        if (tracker.configured()) {
            timer.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Registers and announces {@code torrent} as seeded (again, if it was: a changed torrent is
     * re-registered); {@code uploaded} gives the bytes served of it so far, which announces report.
     */
    public void seed(String infoHash, byte[] torrent, String ed2kHash, LongSupplier uploaded) {
        seeds.put(infoHash, new Seed(infoHash, torrent, ed2kHash, uploaded, false, false, clock.instant(), FIRST_RETRY));
    }

    /** Stops announcing; tells the tracker ({@code stopped}) so peers stop asking at once. */
    public void stop(String infoHash) {
        Seed removed = seeds.remove(infoHash);
        if (removed != null && removed.started() && tracker.configured()) {
            timer.execute(() -> {
                try {
                    tracker.announce(infoHash, AnnounceEvent.STOPPED, removed.uploaded().getAsLong(), 0, 0);
                } catch (UpstreamException e) {
                    log.debug("stopped announce for {} failed: {}", infoHash, e.getMessage());
                }
            });
        }
    }

    /** Whether the tracker has accepted the registration of {@code infoHash}. */
    public boolean isRegistered(String infoHash) {
        Seed seed = seeds.get(infoHash);
        return seed != null && seed.registered();
    }

    private void tick() {
        Instant now = clock.instant();
        for (Seed seed : seeds.values()) {
            if (!now.isBefore(seed.due())) {
                seeds.computeIfPresent(seed.infoHash(), (hash, current) -> current == seed ? talk(seed, now) : current);
            }
        }
    }

    private Seed talk(Seed seed, Instant now) {
        boolean registered = seed.registered() || register(seed);
        try {
            AnnounceEvent event = seed.started() ? AnnounceEvent.NONE : AnnounceEvent.STARTED;
            AnnounceResult result = tracker.announce(seed.infoHash(), event, seed.uploaded().getAsLong(), 0, 0);
            handedOut.record(seed.infoHash(), result.peers());
            // a refused registration is tried again with the next announce
            return new Seed(seed.infoHash(), seed.torrent(), seed.ed2kHash(), seed.uploaded(), registered, true,
                    now.plus(result.interval()), FIRST_RETRY);
        } catch (UpstreamException e) {
            log.warn("tracker: {} (retrying {} in {}s)", e.getMessage(), seed.infoHash(), seed.retry().toSeconds());
            return new Seed(seed.infoHash(), seed.torrent(), seed.ed2kHash(), seed.uploaded(), registered, seed.started(),
                    now.plus(seed.retry()), longer(seed.retry()));
        }
    }

    /**
     * Registration (search and ed2k localisation) is separate from announcing: a plain BitTorrent
     * tracker without the p2pnet registry still gets the announces.
     */
    private boolean register(Seed seed) {
        try {
            tracker.register(seed.torrent(), seed.ed2kHash());
            log.info("registered {} with the tracker", seed.infoHash());
            return true;
        } catch (UpstreamException e) {
            log.warn("tracker registry: {}", e.getMessage());
            return false;
        }
    }

    private static Duration longer(Duration retry) {
        Duration doubled = retry.multipliedBy(2);
        return doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
    }

    @PreDestroy
    void shutdown() {
        timer.shutdownNow();
    }
}
