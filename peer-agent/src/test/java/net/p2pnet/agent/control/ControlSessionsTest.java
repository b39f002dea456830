package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Session values: bound to the token, expiring, revocable. */
class ControlSessionsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aSessionIsValidUntilItExpires() {
        String session = new ControlSessions("token-1", Clock.fixed(NOW, ZoneOffset.UTC)).issue();

        assertThat(new ControlSessions("token-1", Clock.fixed(NOW.plus(Duration.ofDays(6)), ZoneOffset.UTC))
                .isValid(session)).isTrue();
        assertThat(new ControlSessions("token-1", Clock.fixed(NOW.plus(ControlSessions.LIFETIME), ZoneOffset.UTC))
                .isValid(session)).isFalse();
    }

    @Test
    void changingTheTokenEndsEverySession() {
        String session = new ControlSessions("token-1", Clock.fixed(NOW, ZoneOffset.UTC)).issue();
        assertThat(new ControlSessions("token-2", Clock.fixed(NOW, ZoneOffset.UTC)).isValid(session)).isFalse();
        assertThat(new ControlSessions(null, Clock.fixed(NOW, ZoneOffset.UTC)).isValid(session)).isFalse();
    }

    @Test
    void aRevokedSessionStaysInvalidAndOthersAreUntouched() {
        ControlSessions sessions = new ControlSessions("token-1", Clock.fixed(NOW, ZoneOffset.UTC));
        String first = sessions.issue();
        String second = sessions.issue();
        assertThat(first).isNotEqualTo(second);

        sessions.revoke(first);

        assertThat(sessions.isValid(first)).isFalse();
        assertThat(sessions.isValid(second)).isTrue();
    }

    @Test
    void aTamperedSessionIsRefused() {
        ControlSessions sessions = new ControlSessions("token-1", Clock.fixed(NOW, ZoneOffset.UTC));
        String session = sessions.issue();
        // not the last character: in unpadded base64 some of its bits are padding, which decoders ignore
        int at = session.length() - 2;
        char changed = session.charAt(at) == 'A' ? 'B' : 'A';
        assertThat(sessions.isValid(session.substring(0, at) + changed + session.substring(at + 1))).isFalse();
        assertThat(sessions.isValid("x" + session)).isFalse();
    }
}
