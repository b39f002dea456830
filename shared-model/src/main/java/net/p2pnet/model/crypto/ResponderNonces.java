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
 * Stateless responder challenges for the {@link Handshake}: the responder keeps nothing per
 * {@code Hello}, so no number of unauthenticated hellos can push a real handshake out of a table.
 * A nonce is {@value Handshake#NONCE_BYTES} bytes, like any other: issue time (8, epoch seconds),
 * random (8) and an HMAC-SHA-256 (first 16 bytes) under a key this process draws at start, over
 * the time, the random part, the initiator and the initiator's nonce. At confirmation the MAC shows
 * the nonce was issued here to this initiator for this exchange, the time that it is recent; only
 * confirmations whose proof checked out are remembered, to refuse their replay within the validity.
 */
public final class ResponderNonces {

    private static final String HMAC = "HmacSHA256";
    private static final String LABEL = "p2pnet-responder-nonce-v1";
    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = Handshake.NONCE_BYTES - TIME_BYTES - RANDOM_BYTES;

    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];
    private final Clock clock;
    private final long validitySeconds;
    private final ReplayCache redeemed;

    /**
     * @param validity       how long a challenge may wait for its confirmation
     * @param replayCapacity most confirmed challenges remembered (only authenticated servers add any)
     */
    public ResponderNonces(Clock clock, Duration validity, int replayCapacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (validity.isNegative() || validity.toSeconds() < 1) {
            throw new IllegalArgumentException("handshake validity must be at least one second");
        }
        this.validitySeconds = validity.toSeconds();
        this.redeemed = new ReplayCache(replayCapacity, Duration.ofSeconds(validitySeconds));
        random.nextBytes(key);
    }

    /** A fresh challenge for {@code initiatorId}'s hello carrying {@code initiatorNonce}. */
    public String issue(String initiatorId, String initiatorNonce) {
        byte[] nonce = new byte[Handshake.NONCE_BYTES];
        ByteBuffer.wrap(nonce).putLong(clock.instant().getEpochSecond());
        byte[] randomPart = new byte[RANDOM_BYTES];
        random.nextBytes(randomPart);
        System.arraycopy(randomPart, 0, nonce, TIME_BYTES, RANDOM_BYTES);
        System.arraycopy(mac(nonce, initiatorId, initiatorNonce), 0, nonce, TIME_BYTES + RANDOM_BYTES, MAC_BYTES);
        return Base64Url.encode(nonce);
    }

    /**
     * Checks that this process issued {@code responderNonce} to {@code initiatorId} for
     * {@code initiatorNonce} no longer than the validity ago. Call before the proof check.
     *
     * @throws VerificationException {@code MALFORMED}, {@code TAMPERED} (not issued here, or to
     *         another initiator or hello) or {@code EXPIRED}
     */
    public void check(String initiatorId, String initiatorNonce, String responderNonce) {
        byte[] nonce = Base64Url.decode(responderNonce, "responder nonce");
        if (nonce.length != Handshake.NONCE_BYTES) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "responder nonce must be " + Handshake.NONCE_BYTES + " bytes");
        }
        byte[] expected = Arrays.copyOf(mac(nonce, initiatorId, initiatorNonce), MAC_BYTES);
        byte[] given = Arrays.copyOfRange(nonce, TIME_BYTES + RANDOM_BYTES, Handshake.NONCE_BYTES);
        if (!NetworkKey.macEquals(expected, given)) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "this server did not issue that challenge to this initiator for this hello (or it restarted since)");
        }
        long age = clock.instant().getEpochSecond() - issuedAt(nonce);
        if (age < 0 || age > validitySeconds) {
            throw new VerificationException(VerificationException.Reason.EXPIRED,
                    "the challenge is " + age + " s old; a confirmation must follow its hello within "
                            + validitySeconds + " s");
        }
    }

    /**
     * Marks a checked challenge as used, after the initiator's proof was verified.
     *
     * @throws VerificationException {@code REPLAYED} when it was confirmed before
     */
    public void redeem(String responderNonce) {
        byte[] nonce = Base64Url.decode(responderNonce, "responder nonce");
        if (!redeemed.firstSeen(responderNonce, issuedAt(nonce), clock.instant().getEpochSecond())) {
            throw new VerificationException(VerificationException.Reason.REPLAYED,
                    "this handshake was already confirmed: replayed confirmation refused");
        }
    }

    private static long issuedAt(byte[] nonce) {
        return ByteBuffer.wrap(nonce).getLong();
    }

    private byte[] mac(byte[] nonce, String initiatorId, String initiatorNonce) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update((LABEL + "\n" + initiatorId + "\n" + initiatorNonce + "\n").getBytes(StandardCharsets.UTF_8));
            mac.update(nonce, 0, TIME_BYTES + RANDOM_BYTES);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
