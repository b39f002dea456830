package net.p2pnet.rendezvous.room;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A row of {@code own_room}: a room announced to this server, so a restart does not lose it. */
@Entity
@Table(name = "own_room")
class OwnRoomEntity {

    /** Primary key: hosting service and room name. */
    @Embeddable
    record Key(@Column(name = "host_url", length = 512) String hostUrl,
            @Column(name = "name", length = 128) String name) implements Serializable {
    }

    @EmbeddedId
    private Key id;

    @Column(nullable = false, length = 512)
    private String topic;

    @Column(nullable = false)
    private int users;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private long version;

    protected OwnRoomEntity() {
    }

    OwnRoomEntity(RoomRecord room) {
        this.id = new Key(room.hostUrl(), room.name());
        this.topic = room.topic();
        this.users = room.users();
        this.updatedAt = room.updatedAt();
        this.version = room.version();
    }

    RoomRecord toRecord(String homeServer) {
        return new RoomRecord(id.name(), topic, id.hostUrl(), users, homeServer, updatedAt, version, false);
    }
}
