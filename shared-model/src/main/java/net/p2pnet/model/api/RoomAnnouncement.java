package net.p2pnet.model.api;

import java.util.List;

/**
 * Body of {@code POST /api/v1/rooms/announce} on a rendezvous server: the complete list of rooms a
 * chatroom service hosts now. Rooms of that service missing from the list are removed; rooms not
 * re-announced within the directory TTL expire.
 */
public record RoomAnnouncement(String serviceUrl, List<AnnouncedRoom> rooms) {
    public RoomAnnouncement {
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }
}
