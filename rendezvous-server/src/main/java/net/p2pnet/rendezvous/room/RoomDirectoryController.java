package net.p2pnet.rendezvous.room;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.api.RoomAnnouncement;
import net.p2pnet.model.api.RoomEntry;
import net.p2pnet.model.crypto.RequestVerifier;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.web.JsonBodyReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The federated room directory. Chatroom services announce with a request signed by the service
 * credential sub-key ({@code X-P2pnet-*} headers); anyone reaching the server may list rooms (the
 * chatroom service checks peer tickets when someone joins).
 */
@RestController
@RequestMapping("/api/v1/rooms")
public class RoomDirectoryController {

    private final RoomDirectory rooms;
    private final JsonBodyReader bodies;
    private final RequestVerifier serviceVerifier;
    private final long maxBody;

    public RoomDirectoryController(RoomDirectory rooms, JsonBodyReader bodies,
            @Qualifier("service") RequestVerifier serviceVerifier, RendezvousProperties properties) {
        this.rooms = rooms;
        this.bodies = bodies;
        this.serviceVerifier = serviceVerifier;
        this.maxBody = properties.maxClientBody().toBytes();
    }

    @Operation(summary = "All rooms of the network")
    @GetMapping
    public List<RoomEntry> list() {
        return rooms.list().stream().map(RoomRecord::toEntry).toList();
    }

    @Operation(summary = "One room by name")
    @GetMapping("/{name}")
    public RoomEntry find(@PathVariable String name) {
        return rooms.find(name).map(RoomRecord::toEntry)
                .orElseThrow(() -> RequestRefused.notFound("no room '" + name + "' on any server of the network"));
    }

    @Operation(summary = "A chatroom service reports all rooms it hosts (RoomAnnouncement, signed with the service credential)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RoomAnnouncement.class)))
    @PostMapping("/announce")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void announce(HttpServletRequest request) {
        byte[] body = bodies.readVerified(request, serviceVerifier, maxBody);
        rooms.announce(AnnouncementValidator.validate(bodies.parse(body, RoomAnnouncement.class)));
    }
}
