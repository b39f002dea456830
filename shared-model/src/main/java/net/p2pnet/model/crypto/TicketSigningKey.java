package net.p2pnet.model.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The private Ed25519 key that signs peer tickets (RFC 8032). It is made from a 32-byte seed that
 * {@link NetworkKey} derives from the network secret, so every federated server signs with the same
 * key without a key to distribute.
 */
public final class TicketSigningKey {

    private final Ed25519PrivateKeyParameters privateKey;
    private final TicketPublicKey publicKey;

    private TicketSigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = TicketPublicKey.of(privateKey.generatePublicKey().getEncoded());
    }

    static TicketSigningKey fromSeed(byte[] seed) {
        return new TicketSigningKey(Ed25519.privateKey(Objects.requireNonNull(seed, "seed")));
    }

    public TicketPublicKey publicKey() {
        return publicKey;
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "TicketSigningKey[public " + publicKey.encode() + "]";
    }
}
