package net.p2pnet.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import net.p2pnet.model.crypto.VerificationException.Reason;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;

class SignedRequestTest {

    private static final String SECRET = "a private network secret 0001";
    private static final NetworkKey KEY = NetworkKey.derive("office", SECRET);
    private static final byte[] BODY = "{\"rooms\":[]}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
    private final RequestSigner signer = new RequestSigner(KEY, KeyPurpose.FEDERATION, "a.example:8700", clock);
    private final RequestVerifier verifier =
            new RequestVerifier(KEY, KeyPurpose.FEDERATION, clock, Duration.ofSeconds(60), 1000);

    @Test
    void aSignedRequestVerifiesOnceAndItsReplayIsRefused() {
        SignedRequest signed = signer.sign("POST", "/federation/v1/sync?full=1", BODY);
        verifier.verify("post", "/federation/v1/sync?full=1", BODY, signed);
        assertRefused("POST", "/federation/v1/sync?full=1", BODY, signed).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void theSignatureTravelsInXP2pnetHeaders() {
        SignedRequest signed = signer.sign("GET", "/api/v1/rooms", new byte[0]);
        Map<String, String> headers = new HashMap<>(signed.headers());
        assertThat(headers.keySet()).allMatch(h -> h.startsWith("X-P2pnet-"));
        SignedRequest parsed = SignedRequest.fromHeaders(headers::get);
        assertThat(parsed).isEqualTo(signed);
        headers.remove(SignedRequest.NONCE_HEADER);
        assertThatThrownBy(() -> SignedRequest.fromHeaders(headers::get))
                .isInstanceOf(VerificationException.class).hasMessageContaining(SignedRequest.NONCE_HEADER);
        headers.put(SignedRequest.NONCE_HEADER, "n");
        headers.put(SignedRequest.TIMESTAMP_HEADER, "yesterday");
        assertThatThrownBy(() -> SignedRequest.fromHeaders(headers::get))
                .isInstanceOf(VerificationException.class).hasMessageContaining("seconds since the epoch");
    }

    @Test
    void changingMethodPathQueryBodyOrSignerIsDetected() {
        SignedRequest signed = signer.sign("POST", "/federation/v1/sync?full=1", BODY);
        assertRefused("PUT", "/federation/v1/sync?full=1", BODY, signed).isEqualTo(Reason.TAMPERED);
        assertRefused("POST", "/federation/v1/sync?full=0", BODY, signed).isEqualTo(Reason.TAMPERED);
        assertRefused("POST", "/federation/v1/other?full=1", BODY, signed).isEqualTo(Reason.TAMPERED);
        assertRefused("POST", "/federation/v1/sync?full=1", "{\"rooms\":[1]}".getBytes(StandardCharsets.UTF_8), signed)
                .isEqualTo(Reason.TAMPERED);
        SignedRequest otherSigner = new SignedRequest("c.example:1", signed.timestamp(), signed.nonce(), signed.signature());
        assertRefused("POST", "/federation/v1/sync?full=1", BODY, otherSigner).isEqualTo(Reason.TAMPERED);
        SignedRequest otherTime = new SignedRequest(signed.signer(), signed.timestamp() + 1, signed.nonce(), signed.signature());
        assertRefused("POST", "/federation/v1/sync?full=1", BODY, otherTime).isEqualTo(Reason.TAMPERED);
        // After all those refusals the genuine request is still accepted: refused ones are not remembered.
        verifier.verify("POST", "/federation/v1/sync?full=1", BODY, signed);
    }

    @Test
    void everyCharacterOfTheSignatureMatters() {
        SignedRequest signed = signer.sign("POST", "/p", BODY);
        String sig = signed.signature();
        for (int i = 0; i < sig.length(); i++) {
            char c = sig.charAt(i);
            String altered = sig.substring(0, i) + (c == 'A' ? 'B' : 'A') + sig.substring(i + 1);
            SignedRequest forged = new SignedRequest(signed.signer(), signed.timestamp(), signed.nonce(), altered);
            assertThatThrownBy(() -> verifier.verify("POST", "/p", BODY, forged)).isInstanceOf(VerificationException.class);
        }
    }

    @Test
    void anotherSecretOrAnotherPurposeIsRefused() {
        RequestSigner otherSecret = new RequestSigner(NetworkKey.derive("office", "another network secret 0002"),
                KeyPurpose.FEDERATION, "evil:1", clock);
        assertRefused("GET", "/p", new byte[0], otherSecret.sign("GET", "/p", new byte[0])).isEqualTo(Reason.TAMPERED);
        RequestSigner service = new RequestSigner(KEY, KeyPurpose.SERVICE_CREDENTIAL, "http://chat:8800", clock);
        assertRefused("GET", "/p", new byte[0], service.sign("GET", "/p", new byte[0])).isEqualTo(Reason.TAMPERED);
    }

    @Test
    void requestsOutsideTheSkewWindowAreRefused() {
        SignedRequest old = signer.sign("GET", "/p", new byte[0]);
        clock.advance(Duration.ofSeconds(61));
        assertRefused("GET", "/p", new byte[0], old).isEqualTo(Reason.CLOCK_SKEW);
        SignedRequest fromTheFuture = signer.sign("GET", "/p", new byte[0]);
        clock.advance(Duration.ofSeconds(-122));
        assertRefused("GET", "/p", new byte[0], fromTheFuture).isEqualTo(Reason.CLOCK_SKEW);
        clock.advance(Duration.ofSeconds(62));
        verifier.verify("GET", "/p", new byte[0], fromTheFuture); // 60 s ahead: still inside the window
    }

    @Test
    void theReplayCacheIsBoundedAndNeverLetsAForgottenNonceBackIn() {
        RequestVerifier small = new RequestVerifier(KEY, KeyPurpose.FEDERATION, clock, Duration.ofSeconds(60), 3);
        SignedRequest first = signer.sign("GET", "/p", new byte[0]);
        small.verify("GET", "/p", new byte[0], first);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            small.verify("GET", "/p", new byte[0], signer.sign("GET", "/p", new byte[0]));
        }
        assertThat(small.rememberedNonces()).isLessThanOrEqualTo(3);
        assertThatThrownBy(() -> small.verify("GET", "/p", new byte[0], first))
                .isInstanceOf(VerificationException.class)
                .extracting(e -> ((VerificationException) e).reason()).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void noncesAreForgottenOnceOutsideTheWindow() {
        for (int i = 0; i < 10; i++) {
            verifier.verify("GET", "/p", new byte[0], signer.sign("GET", "/p", new byte[0]));
        }
        clock.advance(Duration.ofSeconds(200));
        verifier.verify("GET", "/p", new byte[0], signer.sign("GET", "/p", new byte[0]));
        assertThat(verifier.rememberedNonces()).isEqualTo(1);
    }

    private ObjectAssert<Object> assertRefused(String method, String path, byte[] body,
            SignedRequest request) {
        VerificationException e = assertThrows(VerificationException.class,
                () -> verifier.verify(method, path, body, request));
        assertThat(e.getMessage()).isNotBlank();
        return assertThat((Object) e.reason());
    }
}
