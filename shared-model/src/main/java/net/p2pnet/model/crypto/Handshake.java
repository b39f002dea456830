package net.p2pnet.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * HMAC-SHA-256 challenge–response by which two rendezvous servers prove to each other that they
 * hold the same network secret, without sending it. The initiator sends its id and a fresh nonce;
 * the responder answers with its own nonce and a proof; the initiator checks that proof and sends
 * its own. Each proof is a MAC, under the federation sub-key, over the role, the network name,
 * both server identities and both nonces: it cannot be replayed in another session (fresh nonce),
 * reflected back (role label), or relayed to a third server (identities).
 */
public final class Handshake {

    /** Which side of the exchange a proof comes from; part of the MAC input. */
    public enum Role { INITIATOR, RESPONDER }

    /** Everything both proofs are bound to. Nonces are Base64url strings of {@link #NONCE_BYTES} bytes. */
    public record Transcript(String initiatorId, String responderId, String initiatorNonce, String responderNonce) {
        public Transcript {
            requireId(initiatorId, "initiator id");
            requireId(responderId, "responder id");
            requireNonce(initiatorNonce, "initiator nonce");
            requireNonce(responderNonce, "responder nonce");
        }
    }

    public static final int NONCE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NetworkKey key;

    public Handshake(NetworkKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** A fresh random challenge. */
    public static String newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return Base64Url.encode(nonce);
    }

    /** The proof the side {@code role} sends for this transcript. */
    public String prove(Role role, Transcript transcript) {
        return Base64Url.encode(mac(role, transcript));
    }

    /**
     * Checks the other side's proof.
     *
     * @throws VerificationException {@code TAMPERED} when the proof does not match, which in
     *         practice means the other server holds another secret or another network name
     */
    public void verify(Role role, Transcript transcript, String proof) {
        byte[] given = Base64Url.decode(proof, "handshake proof");
        if (!NetworkKey.macEquals(mac(role, transcript), given)) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "handshake proof from the " + role.name().toLowerCase() + " does not match: it holds another "
                            + "network secret or name (our key fingerprint " + key.fingerprint() + ")");
        }
    }

    private byte[] mac(Role role, Transcript t) {
        String material = String.join("\n", "p2pnet-handshake-v1", role.name(), key.networkName(),
                t.initiatorId(), t.responderId(), t.initiatorNonce(), t.responderNonce());
        return key.hmac(KeyPurpose.FEDERATION, material.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireId(String id, String what) {
        // The MAC input joins fields with '\n': an id containing one could shift the fields.
        if (id == null || id.isBlank() || id.length() > 300 || id.indexOf('\n') >= 0) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    what + " must be a non-empty single line of at most 300 characters");
        }
    }

    private static void requireNonce(String nonce, String what) {
        if (Base64Url.decode(nonce, what).length != NONCE_BYTES) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    what + " must be " + NONCE_BYTES + " bytes");
        }
    }
}
