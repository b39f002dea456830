package net.p2pnet.rendezvous.peer;

import java.time.Clock;
import java.time.Duration;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.Passkey;
import net.p2pnet.model.crypto.PeerTicket;
import org.springframework.stereotype.Component;

/** Issues and checks peer tickets (and their passkeys) with this network's key. */
@Component
public class TicketAuthenticator {

    private final NetworkKey key;
    private final Clock clock;

    public TicketAuthenticator(NetworkKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /**
     * The ticket from an {@code Authorization: Bearer} header value.
     *
     * @throws net.p2pnet.model.crypto.VerificationException when missing, malformed, forged or expired
     */
    public PeerTicket authenticate(String authorizationHeader) {
        return PeerTicket.verify(PeerTicket.fromAuthorizationHeader(authorizationHeader), key, clock.instant());
    }

    /** A fresh ticket (valid for {@code ttl}) with its token and passkey. */
    public IssuedTicket issue(String peerId, String name, Duration ttl) {
        PeerTicket ticket = PeerTicket.issue(key, peerId, name, clock.instant(), ttl);
        return new IssuedTicket(ticket, ticket.encode(key), Passkey.of(ticket).encode(key));
    }

    /** A ticket and its two encodings. */
    public record IssuedTicket(PeerTicket ticket, String token, String passkey) {
    }
}
