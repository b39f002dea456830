package net.p2pnet.model.crypto;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * The public half of a network's ticket key: whoever holds it checks peer tickets without the
 * network secret. Printed and configured as 43 characters of unpadded URL-safe Base64 (the 32 raw
 * bytes of RFC 8032).
 */
public final class TicketPublicKey extends Ed25519PublicKey {

    private TicketPublicKey(Ed25519PublicKeyParameters key) {
        super(key);
    }

    static TicketPublicKey of(byte[] bytes) {
        return new TicketPublicKey(Ed25519.publicKey(bytes, "ticket public key"));
    }

    /**
     * Reads the printed form.
     *
     * @throws VerificationException MALFORMED when it is not 32 bytes of canonical Base64url
     */
    public static TicketPublicKey parse(String text) {
        return new TicketPublicKey(Ed25519.parsePublic(text, "ticket public key"));
    }
}
