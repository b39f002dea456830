package net.p2pnet.chat.room;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A room as its API shows it. {@code inviteCode} is only present for the owner of a private room;
 * {@code owner} says whether the caller owns the room.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomView(String name, String topic, int users, @JsonProperty("private") boolean privateRoom,
        boolean owner, String inviteCode, Instant createdAt) {

    public static RoomView of(LiveRoom room, String peerId) {
        return new RoomView(room.name(), room.topic(), room.memberCount(), room.isPrivate(), room.isOwner(peerId),
                room.inviteCodeFor(peerId).orElse(null), room.createdAt());
    }
}
