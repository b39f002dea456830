package net.p2pnet.chat.presence;

import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.List;
import net.p2pnet.chat.auth.Peer;
import net.p2pnet.chat.quota.MemberBudget;
import net.p2pnet.chat.room.LiveRoom;
import net.p2pnet.chat.room.Rooms;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rooms/{name}/members")
class MemberController {

    private final Rooms rooms;
    private final Presence presence;
    private final MemberBudget budget;

    MemberController(Rooms rooms, Presence presence, MemberBudget budget) {
        this.rooms = rooms;
        this.presence = presence;
        this.budget = budget;
    }

    /** 201 for a new membership, 200 when the caller was already in the room under that nickname. */
    @PostMapping
    ResponseEntity<MemberView> join(Peer peer, @PathVariable String name, @Valid @RequestBody JoinRequest request) {
        LiveRoom room = rooms.requireForJoin(name);
        budget.write(peer.id());
        Presence.Joined joined = presence.join(room, peer.id(), request.nickname(), request.inviteCode());
        return ResponseEntity.status(joined.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(MemberView.of(room, joined.member()));
    }

    @GetMapping
    List<MemberView> members(Peer peer, @PathVariable String name) {
        budget.read(peer.id());
        LiveRoom room = rooms.require(name, peer.id());
        return room.members().stream().sorted(Comparator.comparing(m -> m.joinedAt()))
                .map(m -> MemberView.of(room, m)).toList();
    }

    @DeleteMapping("/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(Peer peer, @PathVariable String name) {
        presence.leave(rooms.require(name, peer.id()), peer.id());
    }

    /** Keeps a member without an open event stream in the room. */
    @PostMapping("/me/keepalive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void keepAlive(Peer peer, @PathVariable String name) {
        presence.keepAlive(rooms.require(name, peer.id()), peer.id());
    }
}
