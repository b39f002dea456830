package net.p2pnet.rendezvous.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code known_server}: the server list survives restarts. */
@Entity
@Table(name = "known_server")
class KnownServerEntity {

    @Id
    @Column(length = 300)
    private String address;

    @Column(nullable = false, length = 20)
    private String state;

    @Column(name = "unreachable_since")
    private Instant unreachableSince;

    @Column(name = "last_sync")
    private Instant lastSync;

    protected KnownServerEntity() {
    }

    KnownServerEntity(String address, String state, Instant unreachableSince, Instant lastSync) {
        this.address = address;
        this.state = state;
        this.unreachableSince = unreachableSince;
        this.lastSync = lastSync;
    }

    String address() {
        return address;
    }

    String state() {
        return state;
    }

    Instant unreachableSince() {
        return unreachableSince;
    }

    Instant lastSync() {
        return lastSync;
    }
}
