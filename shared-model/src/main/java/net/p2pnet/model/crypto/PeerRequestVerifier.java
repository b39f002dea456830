package net.p2pnet.model.crypto;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks requests signed with a peer's own key ({@link PeerSignature}) for one audience: the
 * signature, a bounded clock-skew window, and that the nonce was not used before (bounded
 * {@link ReplayCache}). With a ticket, also that the ticket admits this audience and is bound to the
 * signing key, so a ticket somebody has seen is worth nothing without the key. Thread-safe.
 */
public final class PeerRequestVerifier {

    private final PeerAudience audience;
    private final Clock clock;
    private final ReplayCache replays;

    /**
     * @param maxSkew          how far a request's timestamp may be from our clock, either way
     * @param replayCacheLimit how many nonces to remember at most
     */
    public PeerRequestVerifier(PeerAudience audience, Clock clock, Duration maxSkew, int replayCacheLimit) {
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replays = new ReplayCache(replayCacheLimit, maxSkew);
    }

    /**
     * Verifies a request signed by whoever holds the key in it (a registration: the key is the identity).
     *
     * @return the proven key; its {@link PeerPublicKey#peerId()} is the caller's
     * @throws VerificationException MALFORMED, TAMPERED (wrong signature), CLOCK_SKEW or REPLAYED
     */
    public PeerPublicKey verify(String binding, String method, String pathAndQuery, byte[] body,
            PeerSignature request) {
        PeerPublicKey key = PeerPublicKey.parse(request.publicKey());
        requireSigned(key, binding, method, pathAndQuery, body, request);
        return key;
    }

    /**
     * Verifies a request of a ticket holder: the ticket (already verified by the caller) must admit this
     * audience and be bound to the key that signed the request.
     *
     * @return the ticket
     * @throws VerificationException as {@link #verify(String, String, String, byte[], PeerSignature)}, and
     *                               TAMPERED when the ticket is not for this audience or another key signed
     */
    public PeerTicket verify(PeerTicket ticket, String binding, String method, String pathAndQuery, byte[] body,
            PeerSignature request) {
        if (!ticket.audiences().contains(audience)) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "the peer ticket is not valid for " + audience.label() + " requests");
        }
        PeerPublicKey key = PeerPublicKey.parse(request.publicKey());
        if (!key.equals(ticket.publicKey())) {
            throw new VerificationException(VerificationException.Reason.TAMPERED, "the request is signed with key "
                    + key.encode() + " but the ticket of peer '" + ticket.peerId() + "' is bound to another key: a "
                    + "ticket is only good with its own key");
        }
        requireSigned(key, binding, method, pathAndQuery, body, request);
        return ticket;
    }

    private void requireSigned(PeerPublicKey key, String binding, String method, String pathAndQuery, byte[] body,
            PeerSignature request) {
        Base64Url.decode(request.nonce(), PeerSignature.NONCE_HEADER);
        byte[] signature = Base64Url.decode(request.signature(), PeerSignature.SIGNATURE_HEADER);
        byte[] signed = PeerRequestSigner.canonical(audience, binding, method, pathAndQuery, request.timestamp(),
                request.nonce(), body);
        if (!key.verifies(signed, signature)) {
            throw new VerificationException(VerificationException.Reason.TAMPERED, "request signature of peer '"
                    + key.peerId() + "' does not match: the request was altered, or signed for another "
                    + "audience than " + audience.label());
        }
        // only authentic requests reach the cache, so nobody can fill it without signing
        replays.requireFresh(key.encode() + request.nonce(), request.timestamp(), clock.instant().getEpochSecond());
    }

    /** How many nonces are remembered now (for tests and metrics). */
    public int rememberedNonces() {
        return replays.size();
    }
}
