package net.p2pnet.agent.upstream;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A tracker's answer to an announce (BEP 3): when to come back ({@code minInterval}: not before,
 * equal to {@code interval} when the tracker sent none) and whom to talk to.
 */
public record AnnounceResult(Duration interval, Duration minInterval, int seeders, int leechers,
                             List<InetSocketAddress> peers) {
    public AnnounceResult {
        peers = List.copyOf(peers);
    }
}
