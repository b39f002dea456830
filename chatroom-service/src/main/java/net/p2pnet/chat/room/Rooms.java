package net.p2pnet.chat.room;

import static net.p2pnet.model.api.RequestRefused.conflict;
import static net.p2pnet.model.api.RequestRefused.notFound;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.model.api.RequestRefused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The rooms this service hosts: stored through JPA, served from memory. Every room is loaded at start
 * so the request paths never look a room up in the database.
 */
@Service
public class Rooms {

    private final RoomRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, LiveRoom> byName = new ConcurrentHashMap<>();
    private final ChatProperties.Quota quota;

    public Rooms(RoomRepository repository, Clock clock, ApplicationEventPublisher publisher,
            ChatProperties properties) {
        this.repository = repository;
        this.clock = clock;
        this.publisher = publisher;
        this.quota = properties.quota();
        repository.findAll().forEach(entity -> byName.put(entity.getName(), new LiveRoom(entity)));
    }

    /** Creates a room owned by {@code ownerPeer}; a private room gets a random invite code. */
    public LiveRoom create(String name, String topic, String ownerPeer, boolean privateRoom) {
        LiveRoom room;
        synchronized (byName) {
            if (byName.containsKey(name)) {
                throw conflict("a room named '" + name + "' already exists");
            }
            requireRoomFor(ownerPeer);
            String invite = privateRoom ? newInviteCode() : null;
            RoomEntity saved = repository.save(new RoomEntity(name, topic == null ? "" : topic, ownerPeer, invite,
                    clock.instant()));
            room = new LiveRoom(saved);
            byName.put(name, room);
        }
        changed();
        return room;
    }

    /** Quotas of {@code p2pnet.chatroom.quota}: rooms per owner and in total. Called holding {@code byName}. */
    private void requireRoomFor(String ownerPeer) {
        if (byName.size() >= quota.rooms()) {
            throw new RequestRefused(429, "this service hosts " + byName.size() + " rooms, its limit "
                    + "(p2pnet.chatroom.quota.rooms): no room can be created until one is deleted");
        }
        long owned = byName.values().stream().filter(r -> r.isOwner(ownerPeer)).count();
        if (owned >= quota.roomsPerMember()) {
            throw new RequestRefused(429, "you own " + owned + " rooms, the most one member may own on this "
                    + "service (p2pnet.chatroom.quota.rooms-per-member): delete one of yours first");
        }
    }

    /** Rooms {@code peerId} is a member of now. */
    public long membershipsOf(String peerId) {
        return byName.values().stream().filter(r -> r.member(peerId).isPresent()).count();
    }

    /** The room, if {@code peerId} may see it; a private room is reported missing to outsiders. */
    public LiveRoom require(String name, String peerId) {
        LiveRoom room = byName.get(name);
        if (room == null || !room.visibleTo(peerId)) {
            throw notFound("no room named '" + name + "' on this service");
        }
        return room;
    }

    /** The room for a join: private rooms are found too (the invite code is checked by the caller). */
    public LiveRoom requireForJoin(String name) {
        LiveRoom room = byName.get(name);
        if (room == null) {
            throw notFound("no room named '" + name + "' on this service");
        }
        return room;
    }

    public List<LiveRoom> visibleTo(String peerId) {
        return byName.values().stream().filter(r -> r.visibleTo(peerId))
                .sorted(Comparator.comparing(LiveRoom::name)).toList();
    }

    public Collection<LiveRoom> all() {
        return List.copyOf(byName.values());
    }

    public void setTopic(LiveRoom room, String topic) {
        room.locked(() -> {
            RoomEntity entity = repository.findById(room.id()).orElseThrow(() -> notFound("room was deleted"));
            entity.setTopic(topic);
            repository.save(entity);
            room.topic(topic);
            return null;
        });
        changed();
    }

    /**
     * Deletes the room and its history. {@code farewell} is the last event its subscribers receive
     * before their streams end.
     */
    public void delete(LiveRoom room, PublishedEvent farewell) {
        room.locked(() -> {
            repository.deleteById(room.id());
            byName.remove(room.name(), room);
            room.publish(farewell);
            room.markDeleted();
            return null;
        });
        changed();
    }

    /** Tells the directory that rooms or user counts changed. */
    public void changed() {
        publisher.publishEvent(new RoomsChanged());
    }

    private String newInviteCode() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
