package net.p2pnet.model.crypto;

/**
 * A credential (handshake proof, signed request, peer ticket, passkey) was refused. The
 * {@link #reason()} lets services map it to a status and a metric tag; the message says what was
 * wrong in words an operator can act on.
 */
public class VerificationException extends RuntimeException {

    /** Why a credential was refused. */
    public enum Reason {
        /** Not in the expected format at all (bad encoding, missing field, wrong version). */
        MALFORMED,
        /** Well formed but the MAC does not match: altered, or made with another network secret. */
        TAMPERED,
        /** Valid once, but past its expiry. */
        EXPIRED,
        /** Made for another network name. */
        WRONG_NETWORK,
        /** Timestamp too far from our clock. */
        CLOCK_SKEW,
        /** The same signed request (nonce) was already seen. */
        REPLAYED
    }

    private final Reason reason;

    public VerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
