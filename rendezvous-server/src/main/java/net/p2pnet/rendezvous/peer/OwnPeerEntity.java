package net.p2pnet.rendezvous.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code own_peer}: a peer registered on this server, so a restart does not lose it. */
@Entity
@Table(name = "own_peer")
class OwnPeerEntity {

    @Id
    @Column(name = "peer_id", length = 64)
    private String peerId;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false, length = 64)
    private String address;

    @Column(nullable = false)
    private int port;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(nullable = false)
    private long version;

    protected OwnPeerEntity() {
    }

    OwnPeerEntity(PeerRecord peer) {
        this.peerId = peer.peerId();
        this.name = peer.name();
        this.address = peer.address();
        this.port = peer.port();
        this.lastSeen = peer.lastSeen();
        this.version = peer.version();
    }

    PeerRecord toRecord(String homeServer) {
        return new PeerRecord(peerId, name, address, port, homeServer, lastSeen, version, false);
    }
}
