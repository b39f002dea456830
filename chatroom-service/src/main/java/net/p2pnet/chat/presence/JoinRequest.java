package net.p2pnet.chat.presence;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import net.p2pnet.model.api.RoomNames;

/** {@code POST /api/v1/rooms/{name}/members}: the nickname to use, and the invite code of a private room. */
public record JoinRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = RoomNames.NICKNAME_PATTERN, message = RoomNames.NICKNAME_RULE) String nickname,
        String inviteCode) {
}
