package net.p2pnet.agent.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import net.p2pnet.agent.room.RoomService;
import net.p2pnet.model.api.RoomEntry;
import net.p2pnet.model.api.RoomMembership;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/rooms}: the network's rooms (from the rendezvous directory), and for this agent:
 * join, leave, post, read. Live messages arrive on {@code /api/v1/events} as {@code room} events.
 */
@RestController
@RequestMapping("/api/v1/rooms")
class ChatController {

    private final RoomService rooms;

    ChatController(RoomService rooms) {
        this.rooms = rooms;
    }

    @GetMapping
    List<RoomEntry> list() {
        return rooms.list();
    }

    /** Creates a room on the network's chatroom service; 409 when the name is taken. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    JsonNode create(@RequestBody CreateRoom request) {
        return rooms.create(request.name(), request.topic(), request.isPrivate());
    }

    @GetMapping("/joined")
    List<RoomMembership> joined() {
        return rooms.joined();
    }

    @PostMapping("/{room}/join")
    RoomMembership join(@PathVariable String room) {
        return rooms.join(room);
    }

    @PostMapping("/{room}/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(@PathVariable String room) {
        rooms.leave(room);
    }

    @PostMapping("/{room}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    JsonNode post(@PathVariable String room, @RequestBody PostMessage message) {
        return rooms.post(room, message.text(), message.link());
    }

    @GetMapping("/{room}/messages")
    JsonNode read(@PathVariable String room, @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "50") int limit) {
        return rooms.read(room, after, limit);
    }

    /** A room to create: {@code {"name": "...", "topic": "...", "private": true}} (topic and private optional). */
    record CreateRoom(String name, String topic, @JsonProperty("private") Boolean privateRoom) {
        boolean isPrivate() {
            return Boolean.TRUE.equals(privateRoom);
        }
    }

    /** A message to post; {@code link} optionally refers to a shared file (ed2k or magnet link). */
    record PostMessage(String text, String link) {
    }
}
