package net.p2pnet.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Signs HTTP requests with one sub-key of the {@link NetworkKey}: {@link KeyPurpose#FEDERATION}
 * between rendezvous servers, {@link KeyPurpose#SERVICE_CREDENTIAL} from other services.
 */
public final class RequestSigner {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 16;

    private final NetworkKey key;
    private final KeyPurpose purpose;
    private final String signer;
    private final Clock clock;

    public RequestSigner(NetworkKey key, KeyPurpose purpose, String signer, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (signer.isBlank() || signer.indexOf('\n') >= 0 || signer.length() > 300) {
            throw new IllegalArgumentException("signer must be one non-empty line of at most 300 characters");
        }
    }

    /**
     * Signs a request.
     *
     * @param method       HTTP method (case-insensitive)
     * @param pathAndQuery the raw path plus {@code ?query} if any, exactly as sent (e.g. {@code /api/v1/rooms?x=1})
     * @param body         the exact body bytes; empty for none
     */
    public SignedRequest sign(String method, String pathAndQuery, byte[] body) {
        byte[] nonceBytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonceBytes);
        String nonce = Base64Url.encode(nonceBytes);
        long timestamp = clock.instant().getEpochSecond();
        byte[] mac = mac(key, purpose, method, pathAndQuery, timestamp, nonce, signer, body);
        return new SignedRequest(signer, timestamp, nonce, Base64Url.encode(mac));
    }

    /** The MAC both sides compute; one definition so signer and verifier cannot drift apart. */
    static byte[] mac(NetworkKey key, KeyPurpose purpose, String method, String pathAndQuery, long timestamp,
            String nonce, String signer, byte[] body) {
        String canonical = String.join("\n", "P2PNET-HMAC-SHA256-V1", method.toUpperCase(Locale.ROOT),
                pathAndQuery, Long.toString(timestamp), nonce, signer, sha256Hex(body == null ? new byte[0] : body));
        return key.hmac(purpose, canonical.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
