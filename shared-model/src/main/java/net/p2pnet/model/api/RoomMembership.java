package net.p2pnet.model.api;

/**
 * A room an agent joined, as its control API shows it ({@code POST /api/v1/rooms/{room}/join}):
 * the chatroom service that hosts it and the nickname the agent speaks under there.
 */
public record RoomMembership(String room, String host, String nickname) {
}
