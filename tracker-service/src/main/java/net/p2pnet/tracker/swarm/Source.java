package net.p2pnet.tracker.swarm;

/** A live peer of a swarm as the search API shows it (ed2k localisation). */
public record Source(String ip, int port, boolean seeder) {
}
