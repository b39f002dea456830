package net.p2pnet.model.api;

/** A live peer of a swarm, as a tracker reports it for localisation. */
public record PeerSource(String ip, int port, boolean seeder) {
}
