package net.p2pnet.tracker.swarm;

import java.util.concurrent.atomic.AtomicInteger;

/** The peer limits, per swarm and over all swarms, and the running total the second one needs. */
final class PeerCount {

    private final int maxPerSwarm;
    private final int maxTotal;
    private final AtomicInteger total = new AtomicInteger();

    PeerCount(int maxPerSwarm, int maxTotal) {
        this.maxPerSwarm = maxPerSwarm;
        this.maxTotal = maxTotal;
    }

    /** Reserves room for one more peer in a swarm of {@code swarmSize}, or throws a {@link TrackerRefusal}. */
    void take(int swarmSize) {
        if (swarmSize >= maxPerSwarm) {
            throw new TrackerRefusal("swarm is full (" + maxPerSwarm + " peers): try again later");
        }
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            throw new TrackerRefusal("tracker is full (" + maxTotal + " peers): try again later");
        }
    }

    void release(int peers) {
        total.addAndGet(-peers);
    }

    int total() {
        return total.get();
    }
}
