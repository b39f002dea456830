package net.p2pnet.model.crypto;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import net.p2pnet.model.text.Excerpt;

/**
 * Checks {@link SignedRequest}s: the MAC, a bounded clock-skew window, and that the nonce was not
 * used before (bounded {@link ReplayCache}). Thread-safe; one instance per key purpose.
 */
public final class RequestVerifier {

    private final NetworkKey key;
    private final KeyPurpose purpose;
    private final Clock clock;
    private final ReplayCache replays;

    /**
     * @param maxSkew          how far a request's timestamp may be from our clock, either way
     * @param replayCacheLimit how many nonces to remember at most
     */
    public RequestVerifier(NetworkKey key, KeyPurpose purpose, Clock clock, Duration maxSkew, int replayCacheLimit) {
        this.key = Objects.requireNonNull(key, "key");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replays = new ReplayCache(replayCacheLimit, maxSkew);
    }

    /**
     * Verifies a request; returns normally only when it is authentic, fresh and new.
     *
     * @throws VerificationException with reason {@code MALFORMED}, {@code TAMPERED} (wrong MAC: other
     *         secret or altered request), {@code CLOCK_SKEW} or {@code REPLAYED}
     */
    public void verify(String method, String pathAndQuery, byte[] body, SignedRequest request) {
        Base64Url.decode(request.nonce(), SignedRequest.NONCE_HEADER);
        byte[] given = Base64Url.decode(request.signature(), SignedRequest.SIGNATURE_HEADER);
        byte[] expected = RequestSigner.mac(key, purpose, method, pathAndQuery, request.timestamp(),
                request.nonce(), request.signer(), body);
        if (!NetworkKey.macEquals(expected, given)) {
            throw new VerificationException(VerificationException.Reason.TAMPERED, "request signature from '"
                    + Excerpt.printable(request.signer()) + "' does not match: the request was altered "
                    + "or signed with another network secret");
        }
        replays.requireFresh(request.nonce(), request.timestamp(), clock.instant().getEpochSecond());
    }

    /** How many nonces are remembered now (for tests and metrics). */
    public int rememberedNonces() {
        return replays.size();
    }
}
