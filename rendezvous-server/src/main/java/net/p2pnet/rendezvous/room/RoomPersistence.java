package net.p2pnet.rendezvous.room;

import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.directory.OwnEntryPersister;
import org.springframework.stereotype.Component;

/** Rooms announced to this server, kept in {@code own_room}. */
@Component
public class RoomPersistence {

    private final OwnEntryPersister<RoomRecord, OwnRoomEntity, OwnRoomEntity.Key> persister;
    private final RoomDirectory directory;
    private final SelfAddress self;

    public RoomPersistence(RoomDirectory directory, OwnRoomRepository repository, SelfAddress self) {
        this.directory = directory;
        this.self = self;
        this.persister = new OwnEntryPersister<>(directory.entries(), directory.ownChanges(), repository,
                OwnRoomEntity::new, room -> new OwnRoomEntity.Key(room.hostUrl(), room.name()));
    }

    public int load() {
        return persister.load(row -> row.toRecord(self.id()));
    }

    /** Expires rooms that were not re-announced, then writes pending changes. */
    public void expireAndFlush() {
        directory.expire();
        persister.flush();
    }
}
