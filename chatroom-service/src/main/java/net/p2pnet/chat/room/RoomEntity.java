package net.p2pnet.chat.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A room as stored; the live state (members, streams) is in {@link LiveRoom}. */
@Entity
@Table(name = "chat_room")
public class RoomEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(nullable = false, length = 256)
    private String topic;

    @Column(name = "owner_peer", nullable = false, length = 128)
    private String ownerPeer;

    @Column(name = "private_room", nullable = false)
    private boolean privateRoom;

    @Column(name = "invite_code", length = 64)
    private String inviteCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RoomEntity() {
    }

    public RoomEntity(String name, String topic, String ownerPeer, String inviteCode, Instant createdAt) {
        this.name = name;
        this.topic = topic;
        this.ownerPeer = ownerPeer;
        this.privateRoom = inviteCode != null;
        this.inviteCode = inviteCode;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getOwnerPeer() {
        return ownerPeer;
    }

    public boolean isPrivateRoom() {
        return privateRoom;
    }

    public String getInviteCode() {
        return inviteCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
