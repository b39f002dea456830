package net.p2pnet.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * Signs HTTP requests with an agent's own {@link PeerKey}: proof of possession of the key a peer
 * ticket is bound to (and, at registration, of the key the peer id is derived from).
 *
 * <p>The Ed25519 signature covers {@code P2PNET-PEER-ED25519-V1}, the audience, a binding (empty for
 * services; for another agent its peer id and the nonce it handed out, so the proof is good for that
 * agent only), the method, the raw path with query, the timestamp, the nonce and the SHA-256 of the
 * exact body bytes, one per line.
 */
public final class PeerRequestSigner {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 16;

    private final PeerKey key;
    private final Clock clock;

    public PeerRequestSigner(PeerKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PeerKey key() {
        return key;
    }

    /** Signs a request to a service ({@code audience} other than {@link PeerAudience#AGENT}). */
    public PeerSignature sign(PeerAudience audience, String method, String pathAndQuery, byte[] body) {
        return sign(audience, "", method, pathAndQuery, body);
    }

    /**
     * Signs a request.
     *
     * @param binding      what else the proof is tied to (another agent's peer id and nonce), or empty
     * @param method       HTTP method (case-insensitive)
     * @param pathAndQuery the raw path plus {@code ?query} if any, exactly as sent
     * @param body         the exact body bytes; empty or null for none
     */
    public PeerSignature sign(PeerAudience audience, String binding, String method, String pathAndQuery, byte[] body) {
        byte[] nonceBytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonceBytes);
        String nonce = Base64Url.encode(nonceBytes);
        long timestamp = clock.instant().getEpochSecond();
        byte[] signature = key.sign(canonical(audience, binding, method, pathAndQuery, timestamp, nonce, body));
        return new PeerSignature(key.publicKey().encode(), timestamp, nonce, Base64Url.encode(signature));
    }

    /** The signed bytes; one definition so signer and verifier cannot drift apart. */
    static byte[] canonical(PeerAudience audience, String binding, String method, String pathAndQuery, long timestamp,
            String nonce, byte[] body) {
        return String.join("\n", "P2PNET-PEER-ED25519-V1", audience.label(), binding, method.toUpperCase(Locale.ROOT),
                pathAndQuery, Long.toString(timestamp), nonce, RequestSigner.sha256Hex(body == null ? new byte[0] : body))
                .getBytes(StandardCharsets.UTF_8);
    }
}
