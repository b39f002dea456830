package net.p2pnet.agent.room;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.agent.upstream.PeerAuth;
import net.p2pnet.agent.upstream.PeerCredentials;
import net.p2pnet.agent.upstream.RendezvousSession;
import net.p2pnet.agent.upstream.UpstreamException;
import net.p2pnet.model.api.RoomEntry;
import net.p2pnet.model.api.RoomNames;
import net.p2pnet.model.api.RoomMembership;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.support.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rooms as the agent's user sees them: the directory comes from the rendezvous network (any
 * server lists every room of the network); joining, posting and reading go to the chatroom service
 * that hosts the room. While joined, the room's event stream is followed on a virtual thread and
 * re-published as {@link RoomEvent}s, resuming with {@code Last-Event-ID} after a drop.
 */
@Service
public class RoomService {

    private static final Logger log = LoggerFactory.getLogger(RoomService.class);
    /** A stream that dropped is followed again after this, doubled while it keeps dropping with nothing new. */
    private static final Duration RECONNECT_FIRST = Duration.ofSeconds(2);
    private static final Duration RECONNECT_MAX = Duration.ofSeconds(16);
    private static final int MAX_LIMIT = 500;

    private final RendezvousSession rendezvous;
    private final PeerCredentials credentials;
    private final ChatroomApi chat;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final String nickname;
    private final RoomProperties properties;
    private final Map<String, Joined> joined = new ConcurrentHashMap<>();
    /** Rooms created here, until the directory lists them (the chatroom service announces them shortly after). */
    private final Map<String, String> createdOn = new ConcurrentHashMap<>();

    private record Joined(RoomMembership membership, Thread follower) {
    }

    RoomService(RendezvousSession rendezvous, PeerCredentials credentials, ChatroomApi chat, JsonMapper json,
            ApplicationEventPublisher events, AgentProperties agent, RoomProperties properties) {
        this.properties = properties;
        this.rendezvous = rendezvous;
        this.credentials = credentials;
        this.chat = chat;
        this.json = json;
        this.events = events;
        this.nickname = agent.name() != null && !agent.name().isBlank() ? agent.name() : "agent";
    }

    public List<RoomEntry> list() {
        JsonNode rooms = rendezvous.query("/api/v1/rooms");
        return json.convertValue(rooms, json.getTypeFactory().constructCollectionType(List.class, RoomEntry.class));
    }

    /**
     * Creates a room on the configured chatroom service (or the one hosting the directory's rooms);
     * answers the service's view of the room plus its {@code hostUrl}.
     */
    public JsonNode create(String room, String topic, boolean privateRoom) {
        checkName(room);
        String host = chatroomForNewRooms();
        JsonNode created = chat.create(host, room, topic, privateRoom, auth());
        createdOn.put(room, host);
        log.info("created {} room {} on {}", privateRoom ? "private" : "public", room, host);
        return created.isObject() ? ((ObjectNode) created).put("hostUrl", host) : created;
    }

    private String chatroomForNewRooms() {
        if (properties.chatroomUrl() != null) {
            return properties.chatroomUrl().toString();
        }
        return list().stream().map(RoomEntry::hostUrl).filter(h -> h != null && !h.isBlank()).findFirst()
                .orElseThrow(() -> new UpstreamException("no chatroom service known to create rooms on: the network's"
                        + " directory has no rooms yet; set p2pnet.agent.rooms.chatroom-url"));
    }

    public List<RoomMembership> joined() {
        return joined.values().stream().map(Joined::membership).toList();
    }

    public RoomMembership join(String room) {
        checkName(room);
        Joined existing = joined.get(room);
        if (existing != null) {
            return existing.membership();
        }
        String host = hostOf(room);
        String before = lastEventId(host, room);
        chat.join(host, room, nickname, auth());
        RoomMembership membership = new RoomMembership(room, host, nickname);
        // registered before it starts: the follower runs only while the room is in 'joined'
        Thread follower = Thread.ofVirtual().name("room-" + room).unstarted(() -> follow(membership, before));
        joined.put(room, new Joined(membership, follower));
        follower.start();
        log.info("joined room {} on {}", room, host);
        return membership;
    }

    public void leave(String room) {
        Joined gone = joined.remove(room);
        if (gone == null) {
            throw new RoomException("not a member of room '" + room + "'", true);
        }
        gone.follower().interrupt();
        chat.leave(gone.membership().host(), room, auth());
    }

    public JsonNode post(String room, String text, String link) {
        if (text == null || text.isBlank()) {
            throw new RoomException("'text' is required", false);
        }
        return chat.post(membership(room).host(), room, text, link, auth());
    }

    public JsonNode read(String room, Long after, int limit) {
        checkName(room);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new RoomException("limit must be 1-" + MAX_LIMIT, false);
        }
        Joined member = joined.get(room);
        String host = member != null ? member.membership().host() : hostOf(room);
        return chat.messages(host, room, after, limit, auth());
    }

    private RoomMembership membership(String room) {
        Joined member = joined.get(room);
        if (member == null) {
            throw new RoomException("join room '" + room + "' first", false);
        }
        return member.membership();
    }

    private String hostOf(String room) {
        JsonNode entry;
        try {
            entry = rendezvous.query("/api/v1/rooms/" + room);
        } catch (UpstreamException e) {
            String created = createdOn.get(room);
            if (e.status() == 404 && created != null) {
                return created;
            }
            if (e.status() == 404) {
                throw new RoomException("no room '" + room + "' in the network's directory", true);
            }
            throw e;
        }
        String host = entry.path("hostUrl").asString(null);
        if (host == null) {
            throw new UpstreamException("the directory entry of room '" + room + "' has no hostUrl");
        }
        return host;
    }

    private PeerAuth auth() {
        return credentials.auth(PeerAudience.CHATROOM).orElseThrow(() -> new UpstreamException(
                "no peer ticket: the agent is not registered with a rendezvous server yet"));
    }

    /**
     * The id of the room's newest event before joining: the stream is resumed from there, so what
     * is posted between the join and the stream's connection is not lost. Null (stream from now)
     * when the history cannot be read.
     */
    private String lastEventId(String host, String room) {
        try {
            JsonNode newest = chat.messages(host, room, null, 1, auth());
            return newest.isArray() && !newest.isEmpty() ? newest.get(newest.size() - 1).path("id").asString("0") : "0";
        } catch (UpstreamException e) {
            return null;
        }
    }

    private void follow(RoomMembership membership, String resumeAfter) {
        String lastId = resumeAfter;
        String[] seen = {null};
        Backoff reconnect = new Backoff(RECONNECT_FIRST, RECONNECT_MAX);
        while (joined.containsKey(membership.room()) && !Thread.currentThread().isInterrupted()) {
            try {
                chat.stream(membership.host(), membership.room(), auth(), lastId, event -> {
                    seen[0] = event.id();
                    events.publishEvent(new RoomEvent(membership.room(), event.name(), parse(event.data())));
                });
            } catch (IOException | UpstreamException e) {
                log.debug("event stream of room {} dropped: {}", membership.room(), e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
            if (seen[0] != null && !seen[0].equals(lastId)) {
                reconnect.succeeded(); // it delivered: the next drop starts the pauses anew
                lastId = seen[0];
            }
            try {
                Thread.sleep(reconnect.failed(Instant.now()).toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void checkName(String room) {
        if (!RoomNames.isValidName(room)) {
            throw new RoomException("room name " + RoomNames.RULE, false);
        }
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (RuntimeException e) {
            return json.getNodeFactory().stringNode(data);
        }
    }

    @PreDestroy
    void stop() {
        joined.values().forEach(j -> j.follower().interrupt());
    }
}
