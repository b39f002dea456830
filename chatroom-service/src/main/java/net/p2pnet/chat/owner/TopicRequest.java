package net.p2pnet.chat.owner;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import net.p2pnet.model.api.RoomNames;

/** {@code PUT /api/v1/rooms/{name}/topic}. */
public record TopicRequest(
        @NotNull(message = "is required")
        @Size(max = RoomNames.MAX_TOPIC, message = "must be at most " + RoomNames.MAX_TOPIC + " characters")
        String topic) {
}
