package net.p2pnet.rendezvous.peer;

import java.time.Clock;
import java.time.Duration;
import net.p2pnet.model.api.NetworkTicketKey;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.Passkey;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.crypto.TicketKeyProof;
import net.p2pnet.rendezvous.config.NetworkProperties;
import org.springframework.stereotype.Component;

/**
 * Issues and checks peer tickets (and their passkeys) with this network's key, and announces the
 * public ticket key with which agents check each other's tickets.
 */
@Component
public class TicketAuthenticator {

    private final NetworkKey key;
    private final Clock clock;
    private final NetworkTicketKey ticketKey;

    public TicketAuthenticator(NetworkKey key, NetworkProperties network, Clock clock) {
        this.key = key;
        this.clock = clock;
        // the same on every server of the network: key and proof depend only on name, secret and join key
        this.ticketKey = new NetworkTicketKey(key.networkName(), key.ticketPublicKey().encode(),
                TicketKeyProof.prove(network.effectiveJoinKey(key), key.networkName(), key.ticketPublicKey()));
    }

    /** The network's ticket public key, vouched for with the join key, for registration and heartbeat answers. */
    public NetworkTicketKey ticketKey() {
        return ticketKey;
    }

    /**
     * The ticket from an {@code Authorization: Bearer} header value. Every token is checked anew: its
     * MAC costs about a microsecond, so a cache of verified tokens would cost heap and save nothing.
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

    /**
     * What a heartbeat hands back: the presented ticket while less than half its validity has passed
     * (a signature costs tens of microseconds, and a server takes thousands of heartbeats a second),
     * else a fresh one. The agent's ticket therefore never has less than half its validity left.
     */
    public IssuedTicket renewIfPastHalfLife(PeerTicket presented, String presentedToken, String name, Duration ttl) {
        Duration left = Duration.between(clock.instant(), presented.expiresAt());
        if (left.compareTo(ttl.dividedBy(2)) > 0 && name.equals(presented.peerName())) {
            return new IssuedTicket(presented, presentedToken, Passkey.of(presented).encode(key));
        }
        return issue(presented.peerId(), name, ttl);
    }

    /** A ticket and its two encodings. */
    public record IssuedTicket(PeerTicket ticket, String token, String passkey) {
    }
}
