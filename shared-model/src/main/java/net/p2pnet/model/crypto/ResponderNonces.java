package net.p2pnet.model.crypto;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Stateless responder challenges for the {@link Handshake}: the responder keeps nothing per
 * {@code Hello}, so no number of unauthenticated hellos can push a real handshake out of a table.
 * A challenge is a {@link StatelessNonce} ({@value Handshake#NONCE_BYTES} bytes, like any other
 * nonce) whose MAC also covers the initiator and the initiator's nonce: at confirmation it shows
 * the challenge was issued here to this initiator for this exchange, and its time that it is
 * recent. Only confirmations whose proof checked out are remembered, to refuse their replay within
 * the validity.
 */
public final class ResponderNonces {

    static {
        if (StatelessNonce.BYTES != Handshake.NONCE_BYTES) {
            throw new AssertionError("a responder challenge must be as long as any handshake nonce");
        }
    }

    private final Clock clock;
    private final StatelessNonce challenges;
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
        Duration seconds = Duration.ofSeconds(validity.toSeconds());
        this.challenges = new StatelessNonce(clock, seconds);
        this.redeemed = new ReplayCache(replayCapacity, seconds);
    }

    /** A fresh challenge for {@code initiatorId}'s hello carrying {@code initiatorNonce}. */
    public String issue(String initiatorId, String initiatorNonce) {
        return challenges.issue(context(initiatorId, initiatorNonce));
    }

    /**
     * Checks that this process issued {@code responderNonce} to {@code initiatorId} for
     * {@code initiatorNonce} no longer than the validity ago. Call before the proof check.
     *
     * @throws VerificationException {@code MALFORMED}, {@code TAMPERED} (not issued here, or to
     *         another initiator or hello) or {@code EXPIRED}
     */
    public void check(String initiatorId, String initiatorNonce, String responderNonce) {
        challenges.requireValid(responderNonce, context(initiatorId, initiatorNonce));
    }

    /**
     * Marks a checked challenge as used, after the initiator's proof was verified.
     *
     * @throws VerificationException {@code REPLAYED} when it was confirmed before
     */
    public void redeem(String responderNonce) {
        if (!redeemed.firstSeen(responderNonce, StatelessNonce.issuedAt(responderNonce), clock.instant().getEpochSecond())) {
            throw new VerificationException(VerificationException.Reason.REPLAYED,
                    "this handshake was already confirmed: replayed confirmation refused");
        }
    }

    private static String context(String initiatorId, String initiatorNonce) {
        return initiatorId + "\n" + initiatorNonce;
    }
}
