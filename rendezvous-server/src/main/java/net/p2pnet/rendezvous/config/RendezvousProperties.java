package net.p2pnet.rendezvous.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.p2pnet.model.net.ServerAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the rendezvous server ({@code p2pnet.rendezvous.*}), checked at start.
 *
 * @param serversFile       HeavyMole SERVERS file: servers to federate with, rewritten as the network grows
 * @param publicAddress     {@code host:port} other servers and peers use to reach this one; empty means
 *                          {@code 127.0.0.1:<server.port>} (fine on one machine, wrong anywhere else)
 * @param peerTtl           a peer that has not sent a heartbeat for this long is dropped everywhere
 * @param heartbeatInterval how often agents are told to send heartbeats (must be well below {@code peerTtl})
 * @param roomTtl           a room not re-announced for this long is dropped everywhere
 * @param ticketTtl         validity of peer tickets and passkeys (renewed by the first heartbeat after half of it has passed)
 * @param trustedProxies    IP addresses whose {@code X-Forwarded-For} header is believed
 * @param maxClientBody     largest body accepted on the client API
 * @param maxNeighbours     upper bound of {@code GET /peers?limit=N}
 * @param persistInterval   how often own registrations are written to the database
 * @param peerReplayCacheSize most nonces of peer-signed requests remembered to refuse replays (their
 *                          timestamps may be {@code sync.max-clock-skew} off)
 */
@ConfigurationProperties("p2pnet.rendezvous")
public record RendezvousProperties(
        Path serversFile,
        String publicAddress,
        @DefaultValue("3m") Duration peerTtl,
        @DefaultValue("60s") Duration heartbeatInterval,
        @DefaultValue("2m") Duration roomTtl,
        @DefaultValue("6h") Duration ticketTtl,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("64KB") DataSize maxClientBody,
        @DefaultValue("200") int maxNeighbours,
        @DefaultValue("5s") Duration persistInterval,
        @DefaultValue("200000") int peerReplayCacheSize,
        @DefaultValue Sync sync) {

    /**
     * Federation timing and limits.
     *
     * @param pushInterval        how often queued directory changes are pushed to the other servers
     * @param serversInterval     how often each server is contacted (handshake, server-list exchange)
     * @param antiEntropyInterval how often the full directory is pulled from one random server
     * @param maxBackoff          longest wait before contacting an unreachable or refusing server again
     * @param batchSize           most directory entries in one federation message
     * @param maxBody             largest federation message accepted
     * @param maxClockSkew        how far a signed request's timestamp may be from our clock
     * @param replayCacheSize     most request nonces remembered to refuse replays
     * @param requestTimeout      timeout of one call to another server
     * @param handshakeValidity   how long a handshake challenge waits for its confirmation
     */
    public record Sync(
            @DefaultValue("500ms") Duration pushInterval,
            @DefaultValue("10s") Duration serversInterval,
            @DefaultValue("30s") Duration antiEntropyInterval,
            @DefaultValue("2m") Duration maxBackoff,
            @DefaultValue("1000") int batchSize,
            @DefaultValue("4MB") DataSize maxBody,
            @DefaultValue("2m") Duration maxClockSkew,
            @DefaultValue("100000") int replayCacheSize,
            @DefaultValue("5s") Duration requestTimeout,
            @DefaultValue("30s") Duration handshakeValidity) {

        public Sync {
            requirePositive(pushInterval, "sync.push-interval");
            requirePositive(serversInterval, "sync.servers-interval");
            requirePositive(antiEntropyInterval, "sync.anti-entropy-interval");
            requirePositive(maxBackoff, "sync.max-backoff");
            requirePositive(maxClockSkew, "sync.max-clock-skew");
            requirePositive(requestTimeout, "sync.request-timeout");
            if (handshakeValidity == null || handshakeValidity.toSeconds() < 1) {
                throw new IllegalArgumentException("p2pnet.rendezvous.sync.handshake-validity must be at least 1s");
            }
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("p2pnet.rendezvous.sync.batch-size must be in 1-10000");
            }
            if (replayCacheSize < 1000) {
                throw new IllegalArgumentException("p2pnet.rendezvous.sync.replay-cache-size must be at least 1000");
            }
        }
    }

    public RendezvousProperties {
        if (serversFile == null) {
            throw new IllegalArgumentException("p2pnet.rendezvous.servers-file is not set");
        }
        requirePositive(peerTtl, "peer-ttl");
        requirePositive(roomTtl, "room-ttl");
        requirePositive(ticketTtl, "ticket-ttl");
        requirePositive(heartbeatInterval, "heartbeat-interval");
        requirePositive(persistInterval, "persist-interval");
        if (heartbeatInterval.compareTo(peerTtl) >= 0) {
            throw new IllegalArgumentException("p2pnet.rendezvous.heartbeat-interval (" + heartbeatInterval
                    + ") must be shorter than peer-ttl (" + peerTtl + "), or every peer expires between heartbeats");
        }
        if (publicAddress != null && !publicAddress.isBlank()) {
            try {
                ServerAddress.parse(publicAddress);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("p2pnet.rendezvous.public-address: " + e.getMessage(), e);
            }
        }
        trustedProxies = List.copyOf(trustedProxies);
        for (String proxy : trustedProxies) {
            if (!proxy.matches("[0-9a-fA-F.:]+")) {
                throw new IllegalArgumentException("p2pnet.rendezvous.trusted-proxies: '" + proxy
                        + "' is not an IP address");
            }
        }
        if (maxNeighbours < 1) {
            throw new IllegalArgumentException("p2pnet.rendezvous.max-neighbours must be at least 1");
        }
        if (peerReplayCacheSize < 1000) {
            throw new IllegalArgumentException("p2pnet.rendezvous.peer-replay-cache-size must be at least 1000");
        }
    }

    /** Trusted proxies as addresses (IP literals are parsed, never looked up). */
    public List<InetAddress> trustedProxyAddresses() {
        return trustedProxies.stream().map(RendezvousProperties::literal).toList();
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("p2pnet.rendezvous.trusted-proxies: '" + ip + "' is not an IP address", e);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("p2pnet.rendezvous." + name + " must be a positive duration");
        }
    }
}
