package net.p2pnet.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.p2pnet.model.crypto.VerificationException.Reason;
import org.junit.jupiter.api.Test;

class PeerTicketTest {

    private static final String SECRET = "a private network secret 0001";
    private static final NetworkKey KEY = NetworkKey.derive("office", SECRET);
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    private final PeerTicket ticket = PeerTicket.issue(KEY, "peer-42", "Zoë's laptop", NOW, Duration.ofHours(1));
    private final String token = ticket.encode(KEY);

    @Test
    void aTicketVerifiesOfflineWithTheSameSecret() {
        NetworkKey trackersKey = NetworkKey.derive("office", SECRET);
        PeerTicket verified = PeerTicket.verify(token, trackersKey, NOW.plusSeconds(3599));
        assertThat(verified).isEqualTo(ticket);
        assertThat(verified.peerName()).isEqualTo("Zoë's laptop");
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(200);
    }

    @Test
    void changingAnyCharacterOfTheTokenIsRefused() {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String altered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThatThrownBy(() -> PeerTicket.verify(altered, KEY, NOW)).isInstanceOf(VerificationException.class);
        }
    }

    @Test
    void flippingAnyBitOfThePayloadIsDetectedAsTampering() {
        String[] parts = token.split("\\.");
        byte[] payload = Base64Url.decode(parts[0], "p");
        for (int i = 0; i < payload.length; i++) {
            byte[] copy = payload.clone();
            copy[i] ^= 0x01;
            String forged = Base64Url.encode(copy) + "." + parts[1];
            assertThatThrownBy(() -> PeerTicket.verify(forged, KEY, NOW)).isInstanceOf(VerificationException.class)
                    .extracting(e -> ((VerificationException) e).reason())
                    .isIn(Reason.TAMPERED, Reason.MALFORMED, Reason.WRONG_NETWORK);
        }
    }

    @Test
    void anExpiredTicketIsRefused() {
        assertReason(() -> PeerTicket.verify(token, KEY, NOW.plusSeconds(3600)), Reason.EXPIRED);
    }

    @Test
    void aTicketOfAnotherSecretIsRefusedAsTampered() {
        NetworkKey other = NetworkKey.derive("office", "another network secret 0002");
        assertReason(() -> PeerTicket.verify(token, other, NOW), Reason.TAMPERED);
    }

    @Test
    void aTicketOfAnotherNetworkIsRefusedAsWrongNetwork() {
        NetworkKey home = NetworkKey.derive("home", SECRET);
        String homeToken = PeerTicket.issue(home, "peer-1", "x", NOW, Duration.ofHours(1)).encode(home);
        assertReason(() -> PeerTicket.verify(homeToken, KEY, NOW), Reason.WRONG_NETWORK);
    }

    @Test
    void malformedTokensAreRefusedAsMalformed() {
        for (String bad : new String[] {"", "abc", "a.b.c", "!!!.???", "AAAA.AAAA", "x".repeat(2000)}) {
            assertReason(() -> PeerTicket.verify(bad, KEY, NOW), Reason.MALFORMED);
        }
        assertReason(() -> PeerTicket.verify(null, KEY, NOW), Reason.MALFORMED);
    }

    @Test
    void anAgentVerifiesWithThePublicKeyAloneAndEveryServerOfTheNetworkDerivesTheSameKey() {
        TicketPublicKey published = NetworkKey.derive("office", SECRET).ticketPublicKey();
        TicketPublicKey pinned = TicketPublicKey.parse(published.encode());
        assertThat(pinned).isEqualTo(KEY.ticketPublicKey());
        assertThat(published.encode()).matches("[A-Za-z0-9_-]{43}");
        assertThat(PeerTicket.verify(token, pinned, "office", NOW, Duration.ZERO)).isEqualTo(ticket);
    }

    @Test
    void withThePublicKeyAForeignKeyAnotherNetworkAndATamperedPayloadAreRefused() {
        TicketPublicKey pinned = KEY.ticketPublicKey();
        NetworkKey otherSecret = NetworkKey.derive("office", "another network secret 0002");
        String forged = PeerTicket.issue(otherSecret, "peer-42", "mallory", NOW, Duration.ofHours(1)).encode(otherSecret);
        assertReason(() -> PeerTicket.verify(forged, pinned, "office", NOW, Duration.ZERO), Reason.TAMPERED);
        assertReason(() -> PeerTicket.verify(token, otherSecret.ticketPublicKey(), "office", NOW, Duration.ZERO),
                Reason.TAMPERED);
        assertReason(() -> PeerTicket.verify(token, pinned, "home", NOW, Duration.ZERO), Reason.WRONG_NETWORK);
        // a payload of the right network with a longer expiry, under the genuine signature
        PeerTicket longer = PeerTicket.issue(KEY, "peer-42", "Zoë's laptop", NOW, Duration.ofDays(30));
        String spliced = longer.encode(KEY).split("\\.")[0] + "." + token.split("\\.")[1];
        assertReason(() -> PeerTicket.verify(spliced, pinned, "office", NOW, Duration.ZERO), Reason.TAMPERED);
    }

    @Test
    void expiryAllowsTheGivenClockSkewAndNoMore() {
        TicketPublicKey pinned = KEY.ticketPublicKey();
        Duration skew = Duration.ofMinutes(2);
        assertThat(PeerTicket.verify(token, pinned, "office", NOW.plusSeconds(3600 + 119), skew)).isEqualTo(ticket);
        assertReason(() -> PeerTicket.verify(token, pinned, "office", NOW.plusSeconds(3600 + 120), skew), Reason.EXPIRED);
    }

    @Test
    void aVersion1HmacTicketIsRefusedWithAHintToRegisterAgain() {
        byte[] payload = Base64Url.decode(token.split("\\.")[0], "p");
        payload[0] = 1;
        String v1 = Base64Url.encode(payload) + "." + Base64Url.encode(new byte[32]);
        assertThatThrownBy(() -> PeerTicket.verify(v1, KEY, NOW)).isInstanceOf(VerificationException.class)
                .hasMessageContaining("version 1").hasMessageContaining("register again");
    }

    @Test
    void theBearerHeaderIsParsedAndRequired() {
        assertThat(PeerTicket.fromAuthorizationHeader(PeerTicket.authorizationHeader(token))).isEqualTo(token);
        assertThat(PeerTicket.fromAuthorizationHeader("bearer " + token)).isEqualTo(token);
        assertReason(() -> PeerTicket.fromAuthorizationHeader("Basic abc"), Reason.MALFORMED);
        assertReason(() -> PeerTicket.fromAuthorizationHeader(null), Reason.MALFORMED);
    }

    @Test
    void invalidFieldsCannotBeIssued() {
        assertThatThrownBy(() -> PeerTicket.issue(KEY, "has space", "n", NOW, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peer id");
        assertThatThrownBy(() -> PeerTicket.issue(KEY, "p", "", NOW, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peer name");
    }

    static void assertReason(Runnable action, Reason reason) {
        assertThatThrownBy(action::run).isInstanceOf(VerificationException.class)
                .extracting(e -> ((VerificationException) e).reason()).isEqualTo(reason);
    }
}
