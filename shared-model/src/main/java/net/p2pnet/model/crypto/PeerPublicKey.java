package net.p2pnet.model.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.util.encoders.Base32;

/**
 * The public half of an agent's own {@link PeerKey}, and the agent's identity: its peer id is derived
 * from it, so whoever proves possession of the private key is that peer and nobody else can be.
 * Printed as 43 characters of unpadded URL-safe Base64 (the 32 raw bytes of RFC 8032).
 *
 * <p>Peer id = RFC 4648 Base32 of SHA-256(public key), without padding: 52 characters of
 * {@code A-Z 2-7}, as Syncthing derives device ids from certificates. It fits the peer id syntax
 * every service already checks ({@code [A-Za-z0-9._-]{1,64}}).
 */
public final class PeerPublicKey extends Ed25519PublicKey {

    private final String peerId;

    private PeerPublicKey(Ed25519PublicKeyParameters key) {
        super(key);
        this.peerId = peerIdOf(key.getEncoded());
    }

    static PeerPublicKey of(byte[] bytes) {
        return new PeerPublicKey(Ed25519.publicKey(bytes, "peer public key"));
    }

    /**
     * Reads the printed form.
     *
     * @throws VerificationException MALFORMED when it is not 32 bytes of canonical Base64url
     */
    public static PeerPublicKey parse(String text) {
        return new PeerPublicKey(Ed25519.parsePublic(text, "peer public key"));
    }

    /** The peer id this key stands for (52 characters of {@code A-Z 2-7}). */
    public String peerId() {
        return peerId;
    }

    private static String peerIdOf(byte[] publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return Base32.toBase32String(digest).replace("=", "").toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
