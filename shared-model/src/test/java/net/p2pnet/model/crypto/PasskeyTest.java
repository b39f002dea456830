package net.p2pnet.model.crypto;

import static net.p2pnet.model.crypto.PeerTicketTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import net.p2pnet.model.crypto.VerificationException.Reason;
import org.junit.jupiter.api.Test;

class PasskeyTest {

    private static final NetworkKey KEY = NetworkKey.derive("office", "a private network secret 0001");
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    private final PeerTicket ticket = PeerTicket.issue(KEY, PeerTicketTest.PEER, PeerTicketTest.ALL, "laptop", NOW, Duration.ofHours(2));
    private final String passkey = Passkey.of(ticket).encode(KEY);

    @Test
    void aPasskeyFromATicketIsUrlSafeAndVerifiesOffline() {
        assertThat(passkey).matches("[A-Za-z0-9_-]+");
        assertThat(URI.create("http://127.0.0.1:6969/a/" + passkey + "/announce").getPath()).contains(passkey);
        Passkey verified = Passkey.verify(passkey, NetworkKey.derive("office", "a private network secret 0001"), NOW);
        assertThat(verified.peerId()).isEqualTo(PeerTicketTest.PEER.peerId());
        assertThat(verified.expiresAt()).isEqualTo(ticket.expiresAt());
    }

    @Test
    void changingAnyCharacterIsRefused() {
        for (int i = 0; i < passkey.length(); i++) {
            char c = passkey.charAt(i);
            String altered = passkey.substring(0, i) + (c == 'A' ? 'B' : 'A') + passkey.substring(i + 1);
            assertThatThrownBy(() -> Passkey.verify(altered, KEY, NOW)).isInstanceOf(VerificationException.class);
        }
    }

    @Test
    void expiredOtherSecretAndMalformedPasskeysAreRefused() {
        assertReason(() -> Passkey.verify(passkey, KEY, NOW.plus(Duration.ofHours(2))), Reason.EXPIRED);
        assertReason(() -> Passkey.verify(passkey, NetworkKey.derive("office", "another network secret 0002"), NOW),
                Reason.TAMPERED);
        for (String bad : new String[] {"", "abc", "has/slash", "x".repeat(300), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
            assertReason(() -> Passkey.verify(bad, KEY, NOW), Reason.MALFORMED);
        }
    }

    @Test
    void aTicketTokenIsNotAPasskey() {
        assertThatThrownBy(() -> Passkey.verify(ticket.encode(KEY), KEY, NOW)).isInstanceOf(VerificationException.class);
    }
}
