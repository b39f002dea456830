package net.p2pnet.agent.upstream;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The peers the tracker handed out, per info-hash, from every announce (downloads and seeds): for a
 * private torrent (BEP 27) these are the only peers the agent talks BitTorrent with.
 */
@Component
public class HandedOutPeers {

    /** Peers handed out in the last announce of an info-hash, and when. */
    private record Known(Set<InetAddress> addresses, Instant at) {
    }

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Known> byInfoHash = new ConcurrentHashMap<>();

    void record(String infoHashHex, List<InetSocketAddress> peers) {
        Set<InetAddress> addresses = peers.stream().map(InetSocketAddress::getAddress)
                .filter(a -> a != null).collect(Collectors.toUnmodifiableSet());
        byInfoHash.merge(infoHashHex, new Known(addresses, clock.instant()), (old, now) -> {
            // the tracker's answer is a sample of the swarm: keep what it said before too
            Set<InetAddress> all = new java.util.HashSet<>(old.addresses());
            all.addAll(now.addresses());
            return new Known(Set.copyOf(all), now.at());
        });
    }

    boolean contains(String infoHashHex, InetAddress address) {
        Known known = byInfoHash.get(infoHashHex);
        return known != null && known.addresses().contains(address);
    }

    /** Whether the last announce of an info-hash is older than {@code age} (or there was none). */
    boolean olderThan(String infoHashHex, Duration age) {
        Known known = byInfoHash.get(infoHashHex);
        return known == null || known.at().plus(age).isBefore(clock.instant());
    }
}
