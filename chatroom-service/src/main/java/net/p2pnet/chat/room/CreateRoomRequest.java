package net.p2pnet.chat.room;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import net.p2pnet.model.api.RoomNames;

/** {@code POST /api/v1/rooms}: a name, an optional topic, and {@code "private": true} for an invite-only room. */
public record CreateRoomRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = RoomNames.PATTERN, message = RoomNames.RULE) String name,
        @Size(max = RoomNames.MAX_TOPIC, message = "must be at most " + RoomNames.MAX_TOPIC + " characters")
        String topic,
        @JsonProperty("private") Boolean privateRoom) {

    public boolean isPrivate() {
        return Boolean.TRUE.equals(privateRoom);
    }
}
