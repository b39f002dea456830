package net.p2pnet.model.crypto;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Challenges a server hands out without remembering them: {@code base64url(issued seconds (8) |
 * random (16) | HMAC-SHA-256(process key, both) cut to 16)}. The key is random per instance, so a
 * nonce is good only where it was issued, for {@code maxAge}; nothing is stored per request, so
 * strangers cannot fill a table of pending challenges. Whoever answers one must still be checked for
 * replays by what it signs (its own nonce).
 */
public final class StatelessNonce {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int LENGTH = 8 + RANDOM_BYTES + MAC_BYTES;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration maxAge;

    public StatelessNonce(Clock clock, Duration maxAge) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** A fresh nonce (54 characters of URL-safe Base64). */
    public String issue() {
        byte[] fields = ByteBuffer.allocate(8 + RANDOM_BYTES).putLong(clock.instant().getEpochSecond()).array();
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        System.arraycopy(random, 0, fields, 8, RANDOM_BYTES);
        return Base64Url.encode(ByteBuffer.allocate(LENGTH).put(fields).put(mac(fields)).array());
    }

    /**
     * Checks a nonce this instance issued.
     *
     * @throws VerificationException MALFORMED, TAMPERED (not ours: another process, or altered) or
     *                               EXPIRED (older than {@code maxAge}, or from the future)
     */
    public void requireValid(String nonce) {
        byte[] bytes = Base64Url.decode(nonce, "challenge nonce");
        if (bytes.length != LENGTH) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "challenge nonce must be " + LENGTH + " bytes, got " + bytes.length);
        }
        byte[] fields = Arrays.copyOf(bytes, 8 + RANDOM_BYTES);
        if (!MessageDigest.isEqual(mac(fields), Arrays.copyOfRange(bytes, fields.length, LENGTH))) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "challenge nonce was not issued here (or this agent restarted since): ask again");
        }
        long age = clock.instant().getEpochSecond() - ByteBuffer.wrap(fields).getLong();
        if (age < 0 || age > maxAge.toSeconds()) {
            throw new VerificationException(VerificationException.Reason.EXPIRED,
                    "challenge nonce is " + age + " s old, at most " + maxAge.toSeconds() + " s allowed: ask again");
        }
    }

    private byte[] mac(byte[] fields) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(fields), MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
