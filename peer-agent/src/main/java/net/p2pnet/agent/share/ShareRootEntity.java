package net.p2pnet.agent.share;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file or directory shared through the API; survives restarts. */
@Entity
@Table(name = "share_root")
class ShareRootEntity {

    @Id
    private String path;
    @Column(name = "added_at")
    private Instant addedAt;

    protected ShareRootEntity() {
    }

    ShareRootEntity(String path, Instant addedAt) {
        this.path = path;
        this.addedAt = addedAt;
    }

    String path() {
        return path;
    }
}
