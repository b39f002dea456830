package net.p2pnet.chat.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a room's log: a message, a join, a leave... Its id is the SSE event id. */
@Entity
@Table(name = "chat_event")
public class EventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "room_id", nullable = false)
    private long roomId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EventKind kind;

    @Column(nullable = false, length = 32)
    private String nickname;

    @Column(name = "peer_id", nullable = false, length = 128)
    private String peerId;

    @Column(length = 4096)
    private String text;

    @Column(length = 2048)
    private String link;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EventEntity() {
    }

    public EventEntity(long roomId, EventKind kind, String nickname, String peerId, String text, String link,
            Instant createdAt) {
        this.roomId = roomId;
        this.kind = kind;
        this.nickname = nickname;
        this.peerId = peerId;
        this.text = text;
        this.link = link;
        this.createdAt = createdAt;
    }

    public ChatEvent toEvent(String room) {
        return ChatEvent.of(id, room, kind, nickname, text, link, createdAt);
    }
}
