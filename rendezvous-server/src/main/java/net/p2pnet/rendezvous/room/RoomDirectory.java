package net.p2pnet.rendezvous.room;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.p2pnet.model.api.AnnouncedRoom;
import net.p2pnet.model.api.RoomAnnouncement;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.directory.Directory;
import net.p2pnet.rendezvous.directory.OwnChanges;
import net.p2pnet.rendezvous.directory.Versions;
import org.springframework.stereotype.Component;

/** The federated room directory: rooms announced by chatroom services to any server of the network. */
@Component
public class RoomDirectory {

    private final Directory<RoomRecord> directory;
    private final OwnChanges<RoomRecord> ownChanges;
    private final SelfAddress self;
    private final Clock clock;

    public RoomDirectory(RendezvousProperties properties, SelfAddress self, Clock clock) {
        this.directory = new Directory<>(properties.roomTtl());
        this.ownChanges = new OwnChanges<>(directory, self::id, properties.roomTtl().dividedBy(4));
        this.self = self;
        this.clock = clock;
    }

    public Directory<RoomRecord> entries() {
        return directory;
    }

    /** Significant changes of the rooms announced here (for push and write-behind). */
    public OwnChanges<RoomRecord> ownChanges() {
        return ownChanges;
    }

    /**
     * Applies a chatroom service's complete list: its rooms are created or refreshed here (this
     * server becomes their home); its rooms missing from the list are removed everywhere.
     */
    public void announce(RoomAnnouncement announcement) {
        Instant now = clock.instant();
        String host = announcement.serviceUrl();
        Set<String> announced = new HashSet<>();
        for (AnnouncedRoom room : announcement.rooms()) {
            announced.add(RoomRecord.key(host, room.name()));
            directory.update(RoomRecord.key(host, room.name()), old -> new RoomRecord(room.name(),
                    room.topic() == null ? "" : room.topic(), host, room.users(), self.id(), now,
                    Versions.next(clock, old), false));
        }
        for (RoomRecord gone : directory.live(now)) {
            if (gone.hostUrl().equals(host) && !announced.contains(gone.key())) {
                directory.update(gone.key(), old -> new RoomRecord(gone.name(), gone.topic(), host, 0, self.id(), now,
                        Versions.next(clock, old), true));
            }
        }
    }

    /** Every live room, by name then host. */
    public List<RoomRecord> list() {
        return directory.live(clock.instant()).stream()
                .sorted(Comparator.comparing(RoomRecord::name).thenComparing(RoomRecord::hostUrl)).toList();
    }

    /** The room called {@code name}; when several services host one, the most recently updated. */
    public Optional<RoomRecord> find(String name) {
        return directory.live(clock.instant()).stream().filter(r -> r.name().equals(name))
                .max(Comparator.comparing(RoomRecord::updatedAt));
    }

    public List<RoomRecord> expire() {
        return directory.expire(clock.instant());
    }
}
