package net.p2pnet.tracker.swarm;

import java.util.List;

/**
 * What an announce gets back: the swarm counts after it, and up to numwant other peers.
 *
 * @param newlyCompleted true when this announce was the peer's first {@code completed} (counted once)
 */
public record AnnounceOutcome(SwarmStats stats, List<PeerEndpoint> peers, boolean newlyCompleted) {
}
