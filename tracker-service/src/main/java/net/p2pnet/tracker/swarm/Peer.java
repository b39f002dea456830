package net.p2pnet.tracker.swarm;

/** A peer's mutable state inside one swarm; only touched under its shard's lock. */
final class Peer {

    PeerEndpoint endpoint;
    boolean seeder;
    boolean completedCounted;
    int key;
    long lastSeenMillis;
    /** Position in {@link Swarm}'s peer list, for O(1) swap-removal. */
    int index;

    Peer(PeerEndpoint endpoint) {
        this.endpoint = endpoint;
    }
}
