package net.p2pnet.rendezvous.peer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import net.p2pnet.model.api.HeartbeatResponse;
import net.p2pnet.model.api.ObservedAddress;
import net.p2pnet.model.api.PeerHeartbeat;
import net.p2pnet.model.api.PeerInfo;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.api.PeerRegistrationResponse;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerPublicKey;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.rendezvous.config.JoinKeyProperties;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.directory.Versions;
import org.springframework.stereotype.Service;

/** Registration, heartbeats and leaving: the peer life cycle on its home server. */
@Service
public class PeerService {

    static final Pattern PEER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int FIRST_NEIGHBOURS = 20;

    private final PeerDirectory directory;
    private final TicketAuthenticator tickets;
    private final SelfAddress self;
    private final RendezvousProperties properties;
    private final Clock clock;
    private final byte[] joinKey;

    public PeerService(PeerDirectory directory, TicketAuthenticator tickets, SelfAddress self,
            RendezvousProperties properties, JoinKeyProperties joining, NetworkKey key, Clock clock) {
        this.directory = directory;
        this.tickets = tickets;
        this.self = self;
        this.properties = properties;
        this.clock = clock;
        this.joinKey = joining.effectiveJoinKey(key).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Registers a peer with the join key. Its id is the one of the key that signed the registration,
     * so an id can only be registered (from any address) by the holder of that key.
     *
     * @param key the peer's public key, proven by the request signature
     */
    public PeerRegistrationResponse register(PeerRegistration request, PeerPublicKey key, ObservedAddress observed) {
        checkJoinKey(request.joinKey());
        String name = validName(request.name());
        int port = validPort(request.transferPort(), "transferPort");
        String peerId = key.peerId();
        if (request.peerId() != null && !request.peerId().isBlank() && !request.peerId().equals(peerId)) {
            throw RequestRefused.badRequest("peer id '" + request.peerId() + "' is not the id of the signing key ("
                    + peerId + "): a peer id is derived from the peer's key and cannot be chosen");
        }
        Instant now = clock.instant();
        directory.entries().update(peerId, old -> new PeerRecord(peerId, name, observed.address(), port, self.id(),
                now, Versions.next(clock, old), false));
        TicketAuthenticator.IssuedTicket issued = tickets.issue(key, name, properties.ticketTtl());
        List<PeerInfo> neighbours = directory.neighbours(peerId, Math.min(FIRST_NEIGHBOURS, properties.maxNeighbours()))
                .stream().map(PeerRecord::toInfo).toList();
        return new PeerRegistrationResponse(peerId, issued.token(), issued.ticket().expiresAt(), issued.passkey(),
                observed, neighbours, properties.heartbeatInterval().toSeconds(), self.id(), tickets.ticketKey());
    }

    /** Keeps a peer alive, records its current address and renews its ticket once half its validity has passed. */
    public HeartbeatResponse heartbeat(String peerId, PeerTicket ticket, String token, PeerHeartbeat body,
            ObservedAddress observed) {
        requireOwnTicket(peerId, ticket);
        int newPort = body == null || body.transferPort() == 0 ? 0 : validPort(body.transferPort(), "transferPort");
        PeerRecord current = directory.find(peerId).orElseThrow(() -> RequestRefused.notFound("peer '" + peerId
                + "' is not registered (it expired or left): register again with POST /api/v1/peers"));
        Instant now = clock.instant();
        directory.entries().update(peerId, old -> new PeerRecord(peerId, current.name(), observed.address(),
                newPort == 0 ? current.port() : newPort, self.id(), now, Versions.next(clock, old), false));
        TicketAuthenticator.IssuedTicket issued = tickets.renewIfPastHalfLife(ticket, token, current.name(),
                properties.ticketTtl());
        return new HeartbeatResponse(observed, issued.token(), issued.ticket().expiresAt(), issued.passkey(),
                tickets.ticketKey());
    }

    /** Removes a peer everywhere (a tombstone propagates the removal). */
    public void leave(String peerId, PeerTicket ticket) {
        requireOwnTicket(peerId, ticket);
        PeerRecord current = directory.find(peerId).orElseThrow(() -> RequestRefused.notFound(
                "peer '" + peerId + "' is not registered (it expired or already left)"));
        Instant now = clock.instant();
        directory.entries().update(peerId, old -> new PeerRecord(peerId, current.name(), current.address(),
                current.port(), self.id(), now, Versions.next(clock, old), true));
    }

    /** A peer's current address from the federated directory. */
    public PeerInfo lookup(String peerId) {
        validPeerId(peerId);
        return directory.find(peerId).map(PeerRecord::toInfo).orElseThrow(() -> RequestRefused.notFound(
                "no live peer '" + peerId + "' on any server of the network"));
    }

    public List<PeerInfo> neighbours(String callerId, int limit) {
        if (limit < 1 || limit > properties.maxNeighbours()) {
            throw RequestRefused.badRequest("limit must be in 1-" + properties.maxNeighbours() + ", got " + limit);
        }
        return directory.neighbours(callerId, limit).stream().map(PeerRecord::toInfo).toList();
    }

    private void checkJoinKey(String presented) {
        if (presented == null || presented.isEmpty()) {
            throw RequestRefused.forbidden("joinKey is missing: ask the network's operator for the join key");
        }
        if (!NetworkKey.macEquals(joinKey, presented.getBytes(StandardCharsets.UTF_8))) {
            throw RequestRefused.forbidden("joinKey is wrong for this network");
        }
    }

    private static void requireOwnTicket(String peerId, PeerTicket ticket) {
        if (!ticket.peerId().equals(peerId)) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "the ticket belongs to peer '" + ticket.peerId() + "', not to '" + peerId + "'");
        }
    }

    static String validPeerId(String peerId) {
        if (peerId == null || !PEER_ID.matcher(peerId).matches()) {
            throw RequestRefused.badRequest("peer id must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        return peerId;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
            throw RequestRefused.badRequest("name must be 1-128 characters without control characters");
        }
        return name.strip();
    }

    private static int validPort(int port, String field) {
        if (port < 1 || port > 65535) {
            throw RequestRefused.badRequest(field + " must be in 1-65535, got " + port);
        }
        return port;
    }
}
