package net.p2pnet.tracker.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code p2pnet.tracker.*}: how the tracker behaves. Checked when bound, so a bad value stops the
 * service at start with a one-line reason instead of misbehaving under load.
 *
 * @param mode            {@code open} tracks any info-hash; {@code private} only registered torrents and passkey holders
 * @param interval        announce interval sent to clients; peers expire after missing two
 * @param minInterval     the {@code min interval} clients must respect
 * @param defaultNumwant  peers returned when the client does not say
 * @param maxNumwant      cap on numwant, whatever the client asks
 * @param maxSwarms       memory bound: swarms tracked at once
 * @param maxPeersPerSwarm memory bound: peers per swarm
 * @param fullScrape      whether {@code /scrape} without info_hash lists every swarm
 * @param honourIpParameter whether the announce {@code ip} parameter replaces the socket address
 *                        (off by default: it lets anyone point a swarm at a third party)
 * @param allowedDir      like {@code bttrack --allowed_dir}: .torrent files there are registered (null = off)
 * @param allowedDirScan  how often the allowed directory is rescanned
 * @param statsFlush      how often completed counters are written to the database
 * @param udp             the UDP tracker (BEP 15)
 */
@ConfigurationProperties("p2pnet.tracker")
public record TrackerProperties(
        @DefaultValue("open") Mode mode,
        @DefaultValue("30m") Duration interval,
        @DefaultValue("5m") Duration minInterval,
        @DefaultValue("50") int defaultNumwant,
        @DefaultValue("200") int maxNumwant,
        @DefaultValue("100000") int maxSwarms,
        @DefaultValue("10000") int maxPeersPerSwarm,
        @DefaultValue("true") boolean fullScrape,
        @DefaultValue("false") boolean honourIpParameter,
        Path allowedDir,
        @DefaultValue("10s") Duration allowedDirScan,
        @DefaultValue("30s") Duration statsFlush,
        @DefaultValue Udp udp) {

    public enum Mode { OPEN, PRIVATE }

    /**
     * @param enabled whether the UDP tracker runs
     * @param port    its port; 0 means the same number as the HTTP port (BEP 15 trackers usually share it)
     */
    public record Udp(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port) {

        public Udp {
            require(port >= 0 && port <= 65535, "p2pnet.tracker.udp.port must be 0..65535, was " + port);
        }
    }

    public TrackerProperties {
        require(interval.toSeconds() >= 1, "p2pnet.tracker.interval must be at least 1s, was " + interval);
        require(!minInterval.isNegative() && minInterval.compareTo(interval) <= 0,
                "p2pnet.tracker.min-interval must be between 0 and interval (" + interval + "), was " + minInterval);
        require(maxNumwant >= 1, "p2pnet.tracker.max-numwant must be at least 1, was " + maxNumwant);
        require(defaultNumwant >= 0 && defaultNumwant <= maxNumwant,
                "p2pnet.tracker.default-numwant must be between 0 and max-numwant, was " + defaultNumwant);
        require(maxSwarms >= 1, "p2pnet.tracker.max-swarms must be at least 1, was " + maxSwarms);
        require(maxPeersPerSwarm >= 1, "p2pnet.tracker.max-peers-per-swarm must be at least 1, was " + maxPeersPerSwarm);
        require(allowedDirScan.toMillis() >= 100, "p2pnet.tracker.allowed-dir-scan must be at least 100ms");
        require(statsFlush.toMillis() >= 100, "p2pnet.tracker.stats-flush must be at least 100ms");
    }

    public boolean privateMode() {
        return mode == Mode.PRIVATE;
    }

    /** Peers not heard from for two intervals are gone (BEP 3 clients re-announce every interval). */
    public Duration peerTimeout() {
        return interval.multipliedBy(2);
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }
}
