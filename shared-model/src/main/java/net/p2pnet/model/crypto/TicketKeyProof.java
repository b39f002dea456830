package net.p2pnet.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lets an agent check that the ticket public key a rendezvous server hands out is its network's:
 * an HMAC-SHA-256 keyed with the join key (the one secret agent and server share) over a label, the
 * network name and the key. A party that does not know the join key cannot substitute its own key
 * and so cannot mint tickets the agents accept.
 *
 * <p>The join key itself is sent at registration, so a server that is not the network's (a wrong
 * SERVERS entry) learns it there and could answer with a valid proof for its own key; agents
 * therefore pin the first key they accept and refuse a different one later, and operators can pin
 * it up front ({@code p2pnet.agent.ticket-key}).
 */
public final class TicketKeyProof {

    private static final String HMAC = "HmacSHA256";
    private static final String LABEL = "p2pnet-ticket-key-v1\n";

    private TicketKeyProof() {
    }

    /** The proof, as unpadded URL-safe Base64. */
    public static String prove(String joinKey, String network, TicketPublicKey key) {
        return Base64Url.encode(mac(joinKey, network, key));
    }

    /**
     * Checks a proof.
     *
     * @throws VerificationException MALFORMED when it is not Base64url, TAMPERED when it does not match
     *                               (another join key, network or public key)
     */
    public static void verify(String joinKey, String network, TicketPublicKey key, String proof) {
        byte[] presented = Base64Url.decode(proof, "ticket key proof");
        if (!NetworkKey.macEquals(mac(joinKey, network, key), presented)) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "the ticket key of network '" + network + "' is not vouched for by our join key: the server "
                            + "is not of this network, or the answer was altered");
        }
    }

    private static byte[] mac(String joinKey, String network, TicketPublicKey key) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(key, "key");
        if (joinKey == null || joinKey.isEmpty()) {
            throw new IllegalArgumentException("join key is empty");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(joinKey.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update((LABEL + network + "\n" + key.encode()).getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
