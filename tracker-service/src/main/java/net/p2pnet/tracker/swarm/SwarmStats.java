package net.p2pnet.tracker.swarm;

/** The scrape triple (BEP 48): seeders ("complete"), leechers ("incomplete"), completed downloads. */
public record SwarmStats(int seeders, int leechers, long downloaded) {

    public static final SwarmStats EMPTY = new SwarmStats(0, 0, 0);
}
