package net.p2pnet.agent.room;

import tools.jackson.databind.JsonNode;

/**
 * Something happened in a room this agent joined (a message, a join, a leave), as the chatroom
 * service streamed it; re-published on the agent's own {@code /api/v1/events} stream.
 *
 * @param room  the room's name
 * @param type  the chatroom service's SSE event name (e.g. {@code message}, {@code join}, {@code leave})
 * @param event the event's JSON as the service sent it
 */
public record RoomEvent(String room, String type, JsonNode event) {
}
