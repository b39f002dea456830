package net.p2pnet.model.api;

import java.time.Instant;

/** A room in the federated directory ({@code GET /api/v1/rooms} on any rendezvous server). */
public record RoomEntry(String name, String topic, String hostUrl, int users, String homeServer, Instant updatedAt) {
}
