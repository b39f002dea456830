package net.p2pnet.chat.message;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import net.p2pnet.chat.auth.Peer;
import net.p2pnet.chat.quota.MemberBudget;
import net.p2pnet.chat.room.ChatEvent;
import net.p2pnet.chat.room.RoomLog;
import net.p2pnet.chat.room.Rooms;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rooms/{name}/messages")
class MessageController {

    static final int MAX_PAGE = 500;

    private final Rooms rooms;
    private final RoomLog log;
    private final MessageService messages;
    private final MemberBudget budget;

    MessageController(Rooms rooms, RoomLog log, MessageService messages, MemberBudget budget) {
        this.rooms = rooms;
        this.log = log;
        this.messages = messages;
        this.budget = budget;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChatEvent post(Peer peer, @PathVariable String name, @Valid @RequestBody PostMessageRequest request) {
        return messages.post(rooms.require(name, peer.id()), peer.id(), request);
    }

    /**
     * History, oldest first: the {@code limit} messages after id {@code after}, or the latest
     * {@code limit} without it. Page forward by passing the last id seen as {@code after}.
     */
    @GetMapping
    List<ChatEvent> history(Peer peer, @PathVariable String name,
            @RequestParam(required = false) @Min(0) Long after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE) int limit) {
        budget.read(peer.id());
        return log.messages(rooms.require(name, peer.id()), after, limit);
    }
}
