package net.p2pnet.model.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * An Ed25519 public key (RFC 8032) printed as 43 characters of unpadded URL-safe Base64 (its 32 raw
 * bytes). Two kinds, never interchangeable: the network's {@link TicketPublicKey} and an agent's
 * {@link PeerPublicKey}.
 */
abstract sealed class Ed25519PublicKey permits TicketPublicKey, PeerPublicKey {

    private final byte[] bytes;
    private final Ed25519PublicKeyParameters key;

    Ed25519PublicKey(Ed25519PublicKeyParameters key) {
        this.key = key;
        this.bytes = key.getEncoded();
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
        return Ed25519.verifies(key, message, signature);
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && Arrays.equals(bytes, ((Ed25519PublicKey) other).bytes);
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
