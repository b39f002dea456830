package net.p2pnet.tracker.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 * @param maxPeers        memory bound: peers in all swarms together
 * @param fullScrape      whether {@code /scrape} without info_hash lists every swarm
 * @param honourIpParameter whether the announce {@code ip} parameter replaces the socket address
 *                        (off by default: it lets anyone point a swarm at a third party)
 * @param allowedDir      like {@code bttrack --allowed_dir}: .torrent files there are registered (null = off)
 * @param allowedDirScan  how often the allowed directory is rescanned
 * @param statsFlush      how often completed counters are written to the database
 * @param udp             the UDP tracker (BEP 15)
 * @param quotas          what one source address may do per time window (HTTP and UDP alike)
 * @param maxRequestBody  largest body of a REST request other than a torrent upload (those get
 *                        {@link net.p2pnet.model.torrent.Metainfo#MAX_TORRENT_BYTES} plus form overhead)
 * @param operatorToken   the operator's credential (header {@code X-Operator-Token}): may delete any
 *                        torrent and read a private tracker's API; null = no operator
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
        @DefaultValue("1000000") int maxPeers,
        @DefaultValue("true") boolean fullScrape,
        @DefaultValue("false") boolean honourIpParameter,
        Path allowedDir,
        @DefaultValue("10s") Duration allowedDirScan,
        @DefaultValue("30s") Duration statsFlush,
        @DefaultValue Udp udp,
        @DefaultValue Quotas quotas,
        @DefaultValue("64KB") DataSize maxRequestBody,
        String operatorToken) {

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

    /**
     * Per source address (an IPv4 address, or an IPv6 /64: one host usually holds a whole /64), so
     * one machine cannot fill the tracker with random info-hashes or drown it in announces.
     *
     * @param newSwarmsPerAddress swarms one address may create per window
     * @param announcesPerAddress announces one address may send per window
     * @param window              the quota window
     */
    public record Quotas(@DefaultValue("100") int newSwarmsPerAddress,
                         @DefaultValue("2000") int announcesPerAddress,
                         @DefaultValue("1m") Duration window) {

        public Quotas {
            require(newSwarmsPerAddress >= 1, "p2pnet.tracker.quotas.new-swarms-per-address must be at least 1, was "
                    + newSwarmsPerAddress);
            require(announcesPerAddress >= 1, "p2pnet.tracker.quotas.announces-per-address must be at least 1, was "
                    + announcesPerAddress);
            require(window.toSeconds() >= 1, "p2pnet.tracker.quotas.window must be at least 1s, was " + window);
        }
    }

    /** An operator token shorter than this could be guessed by trying. */
    static final int MIN_OPERATOR_TOKEN_LENGTH = 32;

    public TrackerProperties {
        require(interval.toSeconds() >= 1, "p2pnet.tracker.interval must be at least 1s, was " + interval);
        require(!minInterval.isNegative() && minInterval.compareTo(interval) <= 0,
                "p2pnet.tracker.min-interval must be between 0 and interval (" + interval + "), was " + minInterval);
        require(maxNumwant >= 1, "p2pnet.tracker.max-numwant must be at least 1, was " + maxNumwant);
        require(defaultNumwant >= 0 && defaultNumwant <= maxNumwant,
                "p2pnet.tracker.default-numwant must be between 0 and max-numwant, was " + defaultNumwant);
        require(maxSwarms >= 1, "p2pnet.tracker.max-swarms must be at least 1, was " + maxSwarms);
        require(maxPeersPerSwarm >= 1, "p2pnet.tracker.max-peers-per-swarm must be at least 1, was " + maxPeersPerSwarm);
        require(maxPeers >= maxPeersPerSwarm, "p2pnet.tracker.max-peers must be at least max-peers-per-swarm ("
                + maxPeersPerSwarm + "), was " + maxPeers);
        require(maxRequestBody.toBytes() >= 1024 && maxRequestBody.toBytes() <= Integer.MAX_VALUE,
                "p2pnet.tracker.max-request-body must be between 1KB and 2GB, was " + maxRequestBody);
        operatorToken = operatorToken == null || operatorToken.isBlank() ? null : operatorToken;
        require(operatorToken == null || operatorToken.length() >= MIN_OPERATOR_TOKEN_LENGTH,
                "p2pnet.tracker.operator-token must be at least " + MIN_OPERATOR_TOKEN_LENGTH
                        + " characters (e.g. openssl rand -base64 32)");
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
