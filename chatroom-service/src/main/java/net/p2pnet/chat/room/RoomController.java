package net.p2pnet.chat.room;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import net.p2pnet.chat.auth.Peer;
import net.p2pnet.chat.quota.MemberBudget;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rooms")
class RoomController {

    private final Rooms rooms;
    private final MemberBudget budget;

    RoomController(Rooms rooms, MemberBudget budget) {
        this.rooms = rooms;
        this.budget = budget;
    }

    @PostMapping
    ResponseEntity<RoomView> create(Peer peer, @Valid @RequestBody CreateRoomRequest request) {
        budget.write(peer.id());
        LiveRoom room = rooms.create(request.name(), request.topic(), peer.id(), request.isPrivate());
        return ResponseEntity.created(URI.create("/api/v1/rooms/" + room.name())).body(RoomView.of(room, peer.id()));
    }

    /** Public rooms, plus the private rooms the caller owns or is in, with their user counts. */
    @GetMapping
    List<RoomView> list(Peer peer) {
        budget.read(peer.id());
        return rooms.visibleTo(peer.id()).stream().map(r -> RoomView.of(r, peer.id())).toList();
    }

    @GetMapping("/{name}")
    RoomView get(Peer peer, @PathVariable String name) {
        budget.read(peer.id());
        return RoomView.of(rooms.require(name, peer.id()), peer.id());
    }
}
