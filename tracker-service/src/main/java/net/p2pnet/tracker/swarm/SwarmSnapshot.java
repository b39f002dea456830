package net.p2pnet.tracker.swarm;

/** One swarm's counts at a moment, for full scrapes, the status page and the registry listing. */
public record SwarmSnapshot(Key20 infoHash, SwarmStats stats) {
}
