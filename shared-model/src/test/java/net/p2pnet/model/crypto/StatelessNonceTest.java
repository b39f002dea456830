package net.p2pnet.model.crypto;

import static net.p2pnet.model.crypto.PeerTicketTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.p2pnet.model.crypto.VerificationException.Reason;
import org.junit.jupiter.api.Test;

class StatelessNonceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
    private final StatelessNonce nonces = new StatelessNonce(clock, Duration.ofMinutes(2));

    @Test
    void aNonceIsValidWhereItWasIssuedUntilItIsTooOld() {
        String nonce = nonces.issue();
        nonces.requireValid(nonce);
        nonces.requireValid(nonce); // stateless: replays are refused by what is signed with it
        clock.advance(Duration.ofSeconds(121));
        assertReason(() -> nonces.requireValid(nonce), Reason.EXPIRED);
    }

    @Test
    void anotherInstancesNonceAnAlteredOneAndGarbageAreRefused() {
        String foreign = new StatelessNonce(clock, Duration.ofMinutes(2)).issue();
        assertReason(() -> nonces.requireValid(foreign), Reason.TAMPERED);
        String nonce = nonces.issue();
        String altered = nonce.substring(0, 10) + (nonce.charAt(10) == 'A' ? 'B' : 'A') + nonce.substring(11);
        assertReason(() -> nonces.requireValid(altered), Reason.TAMPERED);
        assertReason(() -> nonces.requireValid("AAAA"), Reason.MALFORMED);
        assertReason(() -> nonces.requireValid("!!"), Reason.MALFORMED);
    }

    @Test
    void aNonceIssuedForAContextChecksOutOnlyForItAndIsAsLongAsAHandshakeNonce() {
        String nonce = nonces.issue("a.example:8700\nhello");
        assertThat(Base64Url.decode(nonce, "nonce")).hasSize(Handshake.NONCE_BYTES);
        nonces.requireValid(nonce, "a.example:8700\nhello");
        assertReason(() -> nonces.requireValid(nonce, "m.example:8700\nhello"), Reason.TAMPERED);
        assertReason(() -> nonces.requireValid(nonce), Reason.TAMPERED);
        assertReason(() -> nonces.requireValid(nonces.issue(), "a.example:8700\nhello"), Reason.TAMPERED);
    }
}
