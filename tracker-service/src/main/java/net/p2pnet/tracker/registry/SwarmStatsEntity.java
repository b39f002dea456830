package net.p2pnet.tracker.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A persisted completed-download counter, so {@code downloaded} survives restarts. */
@Entity
@Table(name = "swarm_stats")
class SwarmStatsEntity {

    @Id
    @Column(name = "info_hash", length = 40)
    private String infoHash;

    @Column(nullable = false)
    private long completed;

    protected SwarmStatsEntity() {
    }

    SwarmStatsEntity(String infoHash, long completed) {
        this.infoHash = infoHash;
        this.completed = completed;
    }

    String infoHash() {
        return infoHash;
    }

    long completed() {
        return completed;
    }
}
