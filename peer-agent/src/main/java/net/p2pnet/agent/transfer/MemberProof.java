package net.p2pnet.agent.transfer;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerRequestVerifier;
import net.p2pnet.model.crypto.PeerSignature;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.crypto.StatelessNonce;
import net.p2pnet.model.crypto.VerificationException;

/**
 * Proof of membership between agents of a private network, once per connection. A request without
 * it is answered 401 with {@code WWW-Authenticate: P2pnet-Peer peer="<our peer id>",
 * nonce="<challenge>"} (a {@link StatelessNonce}: nothing is stored for strangers). The caller
 * answers with its ticket and a signature by the ticket's key for audience {@code agent}, bound to
 * our peer id and that challenge ({@link #binding}), and names the challenge in
 * {@value #CHALLENGE_HEADER}. The proof is good here only: another agent has another id and its own
 * challenges, a service another audience; its signature nonce is remembered, so it is good once.
 * The connection then belongs to that member for its lifetime, so piece runs on a kept connection
 * cost nothing more.
 */
final class MemberProof {

    static final String CHALLENGE_HEADER = "X-P2pnet-Peer-Challenge";
    static final String SCHEME = "P2pnet-Peer";
    private static final Pattern CHALLENGE = Pattern.compile(
            "P2pnet-Peer\\s+peer=\"([A-Za-z0-9._-]{1,64})\",\\s*nonce=\"([A-Za-z0-9_-]{1,128})\"");

    /** A challenge as the client reads it. */
    record Challenge(String peerId, String nonce) {
        /** The {@code WWW-Authenticate} value of this challenge. */
        String header() {
            return SCHEME + " peer=\"" + peerId + "\", nonce=\"" + nonce + "\"";
        }

        static Optional<Challenge> parse(String header) {
            if (header == null || header.length() > 300) {
                return Optional.empty();
            }
            Matcher m = CHALLENGE.matcher(header.strip());
            return m.matches() ? Optional.of(new Challenge(m.group(1), m.group(2))) : Optional.empty();
        }
    }

    private final String ownPeerId;
    private final PeerTicketVerifier tickets;
    private final StatelessNonce challenges;
    private final PeerRequestVerifier signatures;

    MemberProof(String ownPeerId, PeerTicketVerifier tickets, PeerProofProperties properties, Clock clock) {
        this.ownPeerId = ownPeerId;
        this.tickets = tickets;
        this.challenges = new StatelessNonce(clock, properties.challengeTtl());
        this.signatures = new PeerRequestVerifier(PeerAudience.AGENT, clock, properties.maxClockSkew(),
                properties.replayCacheSize());
    }

    /** What a signature for the agent {@code peerId} answering {@code nonce} is bound to. */
    static String binding(String peerId, String nonce) {
        return peerId + " " + nonce;
    }

    /** A fresh challenge for a 401. */
    Challenge challenge() {
        return new Challenge(ownPeerId, challenges.issue());
    }

    /**
     * The member a request proves to be, or why not.
     *
     * @throws VerificationException when the ticket, the challenge or the signature is refused
     */
    PeerTicket verify(TransferExchange ex) {
        String token = ex.bearerToken().orElseThrow(() -> new VerificationException(
                VerificationException.Reason.MALFORMED, "no ticket: send Authorization: Bearer <peer ticket>"));
        PeerTicket ticket = tickets.verify(token);
        String nonce = ex.header(CHALLENGE_HEADER).orElseThrow(() -> new VerificationException(
                VerificationException.Reason.MALFORMED, "no " + CHALLENGE_HEADER + ": answer the challenge of the 401"));
        challenges.requireValid(nonce);
        String query = ex.rawQuery();
        return signatures.verify(ticket, binding(ownPeerId, nonce), ex.method().toUpperCase(Locale.ROOT),
                query == null ? ex.path() : ex.path() + "?" + query, new byte[0],
                PeerSignature.fromHeaders(name -> ex.header(name).orElse(null)));
    }
}
