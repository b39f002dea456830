package net.p2pnet.model.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Challenges a server hands out without remembering them: {@value #BYTES} bytes, {@code issued
 * seconds (8) | random (8) | HMAC-SHA-256(process key, issued | random | context) cut to 16}, in
 * URL-safe Base64 (43 characters) — the length of a {@link Handshake} nonce, so the handshake's
 * responder uses them as they are. The key is random per instance, so a nonce is good only where it
 * was issued, for {@code maxAge}, and only for the context it was issued for (who asked, in which
 * exchange); nothing is stored per request, so strangers cannot fill a table of pending challenges.
 * Replays of an answered challenge are refused by what is signed with it, or by a
 * {@link ResponderNonces redeemed-challenge cache}.
 */
public final class StatelessNonce {

    /** Length of a nonce before encoding. */
    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int FIELDS = TIME_BYTES + RANDOM_BYTES;
    private static final int MAC_BYTES = BYTES - FIELDS;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration maxAge;

    public StatelessNonce(Clock clock, Duration maxAge) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = maxAge;
    }

    /** A fresh nonce, for no context in particular. */
    public String issue() {
        return issue("");
    }

    /** A fresh nonce that checks out only for {@code context}. */
    public String issue(String context) {
        byte[] nonce = new byte[BYTES];
        ByteBuffer.wrap(nonce).putLong(clock.instant().getEpochSecond());
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        System.arraycopy(random, 0, nonce, TIME_BYTES, RANDOM_BYTES);
        System.arraycopy(mac(nonce, context), 0, nonce, FIELDS, MAC_BYTES);
        return Base64Url.encode(nonce);
    }

    /** Checks a nonce this instance issued with {@link #issue()}. */
    public void requireValid(String nonce) {
        requireValid(nonce, "");
    }

    /**
     * Checks a nonce this instance issued for {@code context}.
     *
     * @return when it was issued (epoch seconds)
     * @throws VerificationException MALFORMED, TAMPERED (not ours: another process, another context,
     *                               or altered) or EXPIRED (older than {@code maxAge}, or from the future)
     */
    public long requireValid(String nonce, String context) {
        byte[] bytes = decode(nonce);
        if (!NetworkKey.macEquals(mac(bytes, context), Arrays.copyOfRange(bytes, FIELDS, BYTES))) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "challenge nonce was not issued here for this exchange (or this process restarted since): ask again");
        }
        long issued = ByteBuffer.wrap(bytes).getLong();
        long age = clock.instant().getEpochSecond() - issued;
        if (age < 0 || age > maxAge.toSeconds()) {
            throw new VerificationException(VerificationException.Reason.EXPIRED,
                    "challenge nonce is " + age + " s old, at most " + maxAge.toSeconds() + " s allowed: ask again");
        }
        return issued;
    }

    /** When {@code nonce} says it was issued (epoch seconds), for a nonce already checked. */
    static long issuedAt(String nonce) {
        return ByteBuffer.wrap(decode(nonce)).getLong();
    }

    private static byte[] decode(String nonce) {
        byte[] bytes = Base64Url.decode(nonce, "challenge nonce");
        if (bytes.length != BYTES) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "challenge nonce must be " + BYTES + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    /** MAC over the issue time and random part, then the context (fixed-length fields first: unambiguous). */
    private byte[] mac(byte[] nonce, String context) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(nonce, 0, FIELDS);
            return Arrays.copyOf(mac.doFinal(context.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
