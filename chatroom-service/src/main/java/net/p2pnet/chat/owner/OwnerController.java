package net.p2pnet.chat.owner;

import static net.p2pnet.model.api.RequestRefused.forbidden;

import jakarta.validation.Valid;
import net.p2pnet.chat.auth.Peer;
import net.p2pnet.chat.presence.Presence;
import net.p2pnet.chat.quota.MemberBudget;
import net.p2pnet.chat.room.EventKind;
import net.p2pnet.chat.room.LiveRoom;
import net.p2pnet.chat.room.Member;
import net.p2pnet.chat.room.RoomLog;
import net.p2pnet.chat.room.RoomView;
import net.p2pnet.chat.room.Rooms;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What only a room's owner (the peer that created it) may do: set the topic, kick, delete. */
@RestController
@RequestMapping("/api/v1/rooms/{name}")
class OwnerController {

    /** Shown as the author of owner actions when the owner is not in the room. */
    private static final String OWNER_NICK = "owner";

    private final Rooms rooms;
    private final RoomLog log;
    private final Presence presence;
    private final MemberBudget budget;

    OwnerController(Rooms rooms, RoomLog log, Presence presence, MemberBudget budget) {
        this.rooms = rooms;
        this.log = log;
        this.presence = presence;
        this.budget = budget;
    }

    @PutMapping("/topic")
    RoomView topic(Peer peer, @PathVariable String name, @Valid @RequestBody TopicRequest request) {
        LiveRoom room = owned(name, peer);
        budget.write(peer.id());
        room.locked(() -> {
            rooms.setTopic(room, request.topic());
            return log.append(room, EventKind.TOPIC, ownerNick(room, peer), peer.id(), request.topic(), null);
        });
        return RoomView.of(room, peer.id());
    }

    @DeleteMapping("/members/{nickname}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void kick(Peer peer, @PathVariable String name, @PathVariable String nickname) {
        presence.kick(owned(name, peer), nickname);
    }

    /** Deletes the room and its history; it disappears from the rendezvous directories with the next announcement. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Peer peer, @PathVariable String name) {
        LiveRoom room = owned(name, peer);
        rooms.delete(room, log.transientEvent(room, EventKind.DELETED, ownerNick(room, peer)));
    }

    private LiveRoom owned(String name, Peer peer) {
        LiveRoom room = rooms.require(name, peer.id());
        if (!room.isOwner(peer.id())) {
            throw forbidden("only the owner of room '" + name + "' may do this");
        }
        return room;
    }

    private static String ownerNick(LiveRoom room, Peer peer) {
        return room.member(peer.id()).map(Member::nickname).orElse(OWNER_NICK);
    }
}
