package net.p2pnet.rendezvous.peer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import net.p2pnet.model.api.HeartbeatResponse;
import net.p2pnet.model.api.PeerHeartbeat;
import net.p2pnet.model.api.PeerInfo;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.api.PeerRegistrationResponse;
import net.p2pnet.model.crypto.PeerPublicKey;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.web.JsonBodyReader;
import net.p2pnet.rendezvous.whoami.ClientAddressResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The peer API of HeavyMole's servers over REST: register with the join key, then everything with
 * the peer ticket ({@code Authorization: Bearer}), because peer addresses are private to the network.
 * Every request is signed with the peer's own key ({@code X-P2pnet-Peer-*}): the ticket alone, which
 * other services and agents see, proves nothing.
 */
@RestController
@RequestMapping("/api/v1/peers")
public class PeerController {

    private final PeerService peers;
    private final TicketAuthenticator tickets;
    private final ClientAddressResolver addresses;
    private final JsonBodyReader bodies;
    private final long maxBody;

    public PeerController(PeerService peers, TicketAuthenticator tickets, ClientAddressResolver addresses,
            JsonBodyReader bodies, RendezvousProperties properties) {
        this.peers = peers;
        this.tickets = tickets;
        this.addresses = addresses;
        this.bodies = bodies;
        this.maxBody = properties.maxClientBody().toBytes();
    }

    @Operation(summary = "Register with the join key (body: PeerRegistration), signed with the peer's own key "
            + "(X-P2pnet-Peer-* headers; the peer id is derived from it); returns id, ticket, passkey, neighbours")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PeerRegistration.class)))
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public PeerRegistrationResponse register(HttpServletRequest request) {
        byte[] body = bodies.readBytes(request, maxBody);
        PeerPublicKey key = tickets.proveKey(request, body);
        return peers.register(bodies.parse(body, PeerRegistration.class), key, addresses.resolve(request));
    }

    @Operation(summary = "Keep alive (optional body: PeerHeartbeat); returns the observed address and a ticket (renewed once half its validity has passed)")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = PeerHeartbeat.class)))
    @PutMapping("/{id}/heartbeat")
    public HeartbeatResponse heartbeat(@PathVariable String id, HttpServletRequest request) {
        byte[] body = bodies.readBytes(request, maxBody);
        PeerTicket ticket = tickets.authenticate(request, body);
        PeerHeartbeat heartbeat = body.length == 0 ? null : bodies.parse(body, PeerHeartbeat.class);
        return peers.heartbeat(id, ticket, PeerTicket.fromAuthorizationHeader(request.getHeader(HttpHeaders.AUTHORIZATION)),
                heartbeat, addresses.resolve(request));
    }

    @Operation(summary = "Leave the network")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void leave(@PathVariable String id, HttpServletRequest request) {
        peers.leave(id, tickets.authenticate(request, bodies.readBytes(request, maxBody)));
    }

    @Operation(summary = "A peer's current address, from any server of the network (friend lookup)")
    @GetMapping("/{id}")
    public PeerInfo lookup(@PathVariable String id, HttpServletRequest request) {
        tickets.authenticate(request, bodies.readBytes(request, maxBody));
        return peers.lookup(id);
    }

    @Operation(summary = "Neighbours: a random sample of live peers of the whole network, without the caller")
    @GetMapping
    public List<PeerInfo> neighbours(@RequestParam(defaultValue = "20") int limit, HttpServletRequest request) {
        PeerTicket ticket = tickets.authenticate(request, bodies.readBytes(request, maxBody));
        return peers.neighbours(ticket.peerId(), limit);
    }
}
