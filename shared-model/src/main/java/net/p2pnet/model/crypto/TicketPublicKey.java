package net.p2pnet.model.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The public half of a network's ticket key: whoever holds it checks peer tickets without the
 * network secret. Printed and configured as 43 characters of unpadded URL-safe Base64 (the 32 raw
 * bytes of RFC 8032).
 */
public final class TicketPublicKey {

    private static final int KEY_BYTES = Ed25519PublicKeyParameters.KEY_SIZE;
    private static final int SIGNATURE_BYTES = Ed25519PublicKeyParameters.KEY_SIZE * 2;

    private final byte[] bytes;
    private final Ed25519PublicKeyParameters key;

    private TicketPublicKey(byte[] bytes) {
        this.bytes = bytes.clone();
        this.key = new Ed25519PublicKeyParameters(this.bytes, 0);
    }

    static TicketPublicKey of(byte[] bytes) {
        return new TicketPublicKey(bytes);
    }

    /**
     * Reads the printed form.
     *
     * @throws VerificationException MALFORMED when it is not 32 bytes of canonical Base64url
     */
    public static TicketPublicKey parse(String text) {
        byte[] bytes = Base64Url.decode(text == null ? null : text.strip(), "ticket public key");
        if (bytes.length != KEY_BYTES) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "ticket public key must be " + KEY_BYTES + " bytes (43 Base64url characters), got " + bytes.length
                            + " bytes");
        }
        try {
            return new TicketPublicKey(bytes);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "ticket public key is not an Ed25519 key: " + e.getMessage());
        }
    }

    /** The printed form: 43 characters of unpadded URL-safe Base64. */
    public String encode() {
        return Base64Url.encode(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    boolean verifies(byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TicketPublicKey that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return encode();
    }
}
