package net.p2pnet.rendezvous.peer;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import net.p2pnet.model.api.NetworkTicketKey;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.Passkey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerPublicKey;
import net.p2pnet.model.crypto.PeerRequestVerifier;
import net.p2pnet.model.crypto.PeerSignature;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.crypto.TicketKeyProof;
import net.p2pnet.rendezvous.config.JoinKeyProperties;
import net.p2pnet.rendezvous.web.JsonBodyReader;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Issues and checks peer tickets (and their passkeys) with this network's key, checks that peers
 * prove possession of their own key (every peer request is signed with it), and announces the
 * public ticket key with which agents check each other's tickets.
 */
@Component
public class TicketAuthenticator {

    /** A ticket admits its holder everywhere in the network; each request still names one audience. */
    private static final Set<PeerAudience> AUDIENCES = EnumSet.allOf(PeerAudience.class);

    private final NetworkKey key;
    private final Clock clock;
    private final NetworkTicketKey ticketKey;
    private final PeerRequestVerifier signatures;

    public TicketAuthenticator(NetworkKey key, JoinKeyProperties joining, PeerRequestVerifier signatures, Clock clock) {
        this.key = key;
        this.clock = clock;
        this.signatures = signatures;
        // the same on every server of the network: key and proof depend only on name, secret and join key
        this.ticketKey = new NetworkTicketKey(key.networkName(), key.ticketPublicKey().encode(),
                TicketKeyProof.prove(joining.effectiveJoinKey(key), key.networkName(), key.ticketPublicKey()));
    }

    /** The network's ticket public key, vouched for with the join key, for registration and heartbeat answers. */
    public NetworkTicketKey ticketKey() {
        return ticketKey;
    }

    /**
     * The key that signed a registration ({@code X-P2pnet-Peer-*} headers over method, path and
     * body): the registering peer's identity, its peer id derived from it.
     *
     * @throws net.p2pnet.model.crypto.VerificationException when unsigned, forged, skewed or replayed
     */
    public PeerPublicKey proveKey(HttpServletRequest request, byte[] body) {
        return signatures.verify("", request.getMethod(), JsonBodyReader.pathAndQuery(request), body,
                PeerSignature.fromHeaders(request::getHeader));
    }

    /**
     * The ticket of a peer request ({@code Authorization: Bearer}), which must be signed with the key the
     * ticket is bound to. Every token is checked anew: its MAC costs about a microsecond, so a cache of
     * verified tokens would cost heap and save nothing; the request signature costs an Ed25519
     * verification, the price of knowing the sender holds the key.
     *
     * @throws net.p2pnet.model.crypto.VerificationException when missing, malformed, forged, expired,
     *                                                      not signed with the ticket's key, or replayed
     */
    public PeerTicket authenticate(HttpServletRequest request, byte[] body) {
        PeerTicket ticket = PeerTicket.verify(PeerTicket.fromAuthorizationHeader(
                request.getHeader(HttpHeaders.AUTHORIZATION)), key, clock.instant());
        return signatures.verify(ticket, "", request.getMethod(), JsonBodyReader.pathAndQuery(request), body,
                PeerSignature.fromHeaders(request::getHeader));
    }

    /** A fresh ticket (valid for {@code ttl}) for the holder of {@code peerKey}, with its token and passkey. */
    public IssuedTicket issue(PeerPublicKey peerKey, String name, Duration ttl) {
        PeerTicket ticket = PeerTicket.issue(key, peerKey, AUDIENCES, name, clock.instant(), ttl);
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
        return issue(presented.publicKey(), name, ttl);
    }

    /** A ticket and its two encodings. */
    public record IssuedTicket(PeerTicket ticket, String token, String passkey) {
    }
}
