package net.p2pnet.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResponderNoncesTest {

    private static final String A = "a.example:8700";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T12:00:00Z"));
    private final ResponderNonces nonces = new ResponderNonces(clock, Duration.ofSeconds(30), 1000);
    private final String hello = Handshake.newNonce();

    @Test
    void anIssuedChallengeIsAnOrdinaryNonceAndChecksOutOnceForItsHello() {
        String challenge = nonces.issue(A, hello);
        assertThat(Base64Url.decode(challenge, "nonce")).hasSize(Handshake.NONCE_BYTES);
        new Handshake.Transcript(A, "b.example:8701", hello, challenge); // accepted wherever a nonce is
        clock.advance(Duration.ofSeconds(30));
        nonces.check(A, hello, challenge);
        nonces.redeem(challenge);
        assertRefused(() -> nonces.redeem(challenge), VerificationException.Reason.REPLAYED);
    }

    @Test
    void challengesAreFreshEvenForTheSameHello() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(nonces.issue(A, hello))).isTrue();
        }
    }

    @Test
    void aChallengeIsBoundToItsInitiatorAndHelloAndToThisProcess() {
        String challenge = nonces.issue(A, hello);
        assertRefused(() -> nonces.check("m.example:8700", hello, challenge), VerificationException.Reason.TAMPERED);
        assertRefused(() -> nonces.check(A, Handshake.newNonce(), challenge), VerificationException.Reason.TAMPERED);
        ResponderNonces restarted = new ResponderNonces(clock, Duration.ofSeconds(30), 1000);
        assertRefused(() -> restarted.check(A, hello, challenge), VerificationException.Reason.TAMPERED);
        assertRefused(() -> nonces.check(A, hello, Handshake.newNonce()), VerificationException.Reason.TAMPERED);
    }

    @Test
    void everyAlteredCharacterIsRefused() {
        String challenge = nonces.issue(A, hello);
        for (int i = 0; i < challenge.length(); i++) {
            char replacement = challenge.charAt(i) == 'A' ? 'B' : 'A';
            String altered = challenge.substring(0, i) + replacement + challenge.substring(i + 1);
            assertThatThrownBy(() -> nonces.check(A, hello, altered)).isInstanceOf(VerificationException.class);
        }
    }

    @Test
    void aLateConfirmationIsRefusedAsExpired() {
        String challenge = nonces.issue(A, hello);
        clock.advance(Duration.ofSeconds(31));
        assertRefused(() -> nonces.check(A, hello, challenge), VerificationException.Reason.EXPIRED);
    }

    @Test
    void aWrongLengthIsMalformed() {
        assertRefused(() -> nonces.check(A, hello, Base64Url.encode(new byte[16])), VerificationException.Reason.MALFORMED);
    }

    private static void assertRefused(Runnable call, VerificationException.Reason reason) {
        assertThatThrownBy(call::run).isInstanceOf(VerificationException.class)
                .extracting(e -> ((VerificationException) e).reason()).isEqualTo(reason);
    }
}
