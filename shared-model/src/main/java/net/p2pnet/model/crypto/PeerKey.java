package net.p2pnet.model.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An agent's own Ed25519 key pair: made once, kept in the agent's data directory, never sent
 * anywhere. Its {@link PeerPublicKey} names the agent (the peer id is derived from it); requests
 * signed with it ({@link PeerRequestSigner}) prove that the sender is that peer, where a ticket alone
 * proves only that somebody has seen it.
 */
public final class PeerKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ed25519PrivateKeyParameters privateKey;
    private final PeerPublicKey publicKey;

    private PeerKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = PeerPublicKey.of(privateKey.generatePublicKey().getEncoded());
    }

    /** A new random key pair. */
    public static PeerKey generate() {
        return new PeerKey(new Ed25519PrivateKeyParameters(RANDOM));
    }

    /** The key pair of a stored 32-byte seed (what {@link #seed()} returned). */
    public static PeerKey fromSeed(byte[] seed) {
        return new PeerKey(Ed25519.privateKey(seed));
    }

    /** The 32-byte private seed, for the owner to store; never to be sent anywhere. */
    public byte[] seed() {
        return privateKey.getEncoded();
    }

    public PeerPublicKey publicKey() {
        return publicKey;
    }

    public String peerId() {
        return publicKey.peerId();
    }

    byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "PeerKey[" + publicKey.peerId() + "]";
    }
}
