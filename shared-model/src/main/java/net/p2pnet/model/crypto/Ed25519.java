package net.p2pnet.model.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The Ed25519 operations (RFC 8032, Bouncy Castle) shared by the network's ticket key and the
 * agents' own keys. Bouncy Castle, because the JDK's Ed25519 cannot be created from a seed.
 */
final class Ed25519 {

    static final int KEY_BYTES = Ed25519PublicKeyParameters.KEY_SIZE;
    static final int SIGNATURE_BYTES = Ed25519PublicKeyParameters.KEY_SIZE * 2;

    private Ed25519() {
    }

    static Ed25519PrivateKeyParameters privateKey(byte[] seed) {
        if (seed == null || seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has " + Ed25519PrivateKeyParameters.KEY_SIZE
                    + " bytes, got " + (seed == null ? 0 : seed.length));
        }
        return new Ed25519PrivateKeyParameters(seed, 0);
    }

    /** The 64-byte signature of {@code message}. */
    static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    static boolean verifies(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /**
     * The 32 key bytes of a printed public key.
     *
     * @throws VerificationException MALFORMED when it is not 32 bytes of canonical Base64url or not a curve point
     */
    static Ed25519PublicKeyParameters parsePublic(String text, String what) {
        byte[] bytes = Base64Url.decode(text == null ? null : text.strip(), what);
        if (bytes.length != KEY_BYTES) {
            throw new VerificationException(VerificationException.Reason.MALFORMED, what + " must be " + KEY_BYTES
                    + " bytes (43 Base64url characters), got " + bytes.length + " bytes");
        }
        return publicKey(bytes, what);
    }

    static Ed25519PublicKeyParameters publicKey(byte[] bytes, String what) {
        try {
            return new Ed25519PublicKeyParameters(bytes, 0);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    what + " is not an Ed25519 key: " + e.getMessage());
        }
    }
}
