package net.p2pnet.model.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The private Ed25519 key that signs peer tickets (RFC 8032). It is made from a 32-byte seed that
 * {@link NetworkKey} derives from the network secret, so every federated server signs with the same
 * key without a key to distribute. Bouncy Castle, because the JDK's Ed25519 cannot be created from a
 * seed (its KeyPairGenerator only takes a SecureRandom).
 */
public final class TicketSigningKey {

    private final Ed25519PrivateKeyParameters privateKey;
    private final TicketPublicKey publicKey;

    private TicketSigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = TicketPublicKey.of(privateKey.generatePublicKey().getEncoded());
    }

    static TicketSigningKey fromSeed(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has " + Ed25519PrivateKeyParameters.KEY_SIZE
                    + " bytes, got " + seed.length);
        }
        return new TicketSigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    public TicketPublicKey publicKey() {
        return publicKey;
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "TicketSigningKey[public " + publicKey.encode() + "]";
    }
}
