package net.p2pnet.rendezvous.room;

import java.time.Instant;
import net.p2pnet.model.api.RoomEntry;
import net.p2pnet.rendezvous.directory.DirectoryEntry;

/**
 * A room in the federated directory; also the federation wire format for rooms. Keyed by hosting
 * service and name, because two chatroom services may host rooms of the same name.
 */
public record RoomRecord(String name, String topic, String hostUrl, int users, String homeServer, Instant updatedAt,
        long version, boolean removed) implements DirectoryEntry {

    /** Key of room {@code name} hosted by {@code hostUrl}. */
    public static String key(String hostUrl, String name) {
        return hostUrl + "\n" + name;
    }

    @Override
    public String key() {
        return key(hostUrl, name);
    }

    @Override
    public Instant refreshedAt() {
        return updatedAt;
    }

    @Override
    public boolean sameContent(DirectoryEntry other) {
        return other instanceof RoomRecord r && name.equals(r.name) && topic.equals(r.topic)
                && hostUrl.equals(r.hostUrl) && users == r.users && homeServer.equals(r.homeServer)
                && removed == r.removed;
    }

    public RoomEntry toEntry() {
        return new RoomEntry(name, topic, hostUrl, users, homeServer, updatedAt);
    }
}
