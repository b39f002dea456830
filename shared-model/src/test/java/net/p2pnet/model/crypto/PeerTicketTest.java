package net.p2pnet.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import net.p2pnet.model.crypto.VerificationException.Reason;
import org.junit.jupiter.api.Test;

class PeerTicketTest {

    private static final String SECRET = "a private network secret 0001";
    private static final NetworkKey KEY = NetworkKey.derive("office", SECRET);
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    static final PeerPublicKey PEER = PeerKey.fromSeed(new byte[32]).publicKey();
    static final Set<PeerAudience> ALL = EnumSet.allOf(PeerAudience.class);

    private final PeerTicket ticket = PeerTicket.issue(KEY, PEER, ALL, "Zoë's laptop", NOW, Duration.ofHours(1));
    private final String token = ticket.encode(KEY);

    @Test
    void aTicketVerifiesOfflineWithTheSameSecret() {
        NetworkKey trackersKey = NetworkKey.derive("office", SECRET);
        PeerTicket verified = PeerTicket.verify(token, trackersKey, NOW.plusSeconds(3599));
        assertThat(verified).isEqualTo(ticket);
        assertThat(verified.peerName()).isEqualTo("Zoë's laptop");
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{86}\\.[A-Za-z0-9_-]{22}").hasSizeLessThan(220);
    }

    @Test
    void aThreePartTokenVerifiesWithTheSecretAndWithThePublicKey() {
        assertThat(token.split("\\.", -1)).hasSize(3);
        assertThat(PeerTicket.verify(token, KEY, NOW)).isEqualTo(ticket);
        assertThat(PeerTicket.verify(token, KEY.ticketPublicKey(), "office", NOW, Duration.ZERO)).isEqualTo(ticket);
    }

    @Test
    void anAlteredMacIsRefusedByTheSecretHolderButAnAgentStillAcceptsTheGenuineSignature() {
        String[] parts = token.split("\\.");
        byte[] mac = Base64Url.decode(parts[2], "mac");
        mac[0] ^= 0x01;
        String altered = parts[0] + "." + parts[1] + "." + Base64Url.encode(mac);
        assertThatThrownBy(() -> PeerTicket.verify(altered, KEY, NOW)).isInstanceOf(VerificationException.class)
                .hasMessageContaining("MAC does not match").extracting(e -> ((VerificationException) e).reason())
                .isEqualTo(Reason.TAMPERED);
        // agents cannot check the MAC; payload and signature are genuine, so the ticket is too
        assertThat(PeerTicket.verify(altered, KEY.ticketPublicKey(), "office", NOW, Duration.ZERO)).isEqualTo(ticket);
    }

    @Test
    void aMacMadeWithAnotherNetworkSecretIsRefused() {
        NetworkKey other = NetworkKey.derive("office", "another network secret 0002");
        String[] parts = token.split("\\.");
        byte[] otherMac = Arrays.copyOf(other.hmac(KeyPurpose.PEER_TICKET_MAC, Base64Url.decode(parts[0], "p"),
                Base64Url.decode(parts[1], "s")), 16);
        String foreignMac = parts[0] + "." + parts[1] + "." + Base64Url.encode(otherMac);
        assertReason(() -> PeerTicket.verify(foreignMac, KEY, NOW), Reason.TAMPERED);
    }

    @Test
    void aTicketCarriesThePeersKeyAndAudiencesAndItsIdIsDerivedFromTheKey() {
        PeerTicket verified = PeerTicket.verify(token, KEY, NOW);
        assertThat(verified.publicKey()).isEqualTo(PEER);
        assertThat(verified.peerId()).isEqualTo(PEER.peerId()).matches("[A-Z2-7]{52}");
        assertThat(verified.audiences()).isEqualTo(ALL);
        PeerTicket chatOnly = PeerTicket.issue(KEY, PEER, Set.of(PeerAudience.CHATROOM), "x", NOW, Duration.ofHours(1));
        assertThat(PeerTicket.verify(chatOnly.encode(KEY), KEY, NOW).audiences()).containsExactly(PeerAudience.CHATROOM);
        assertThatThrownBy(() -> new PeerTicket("AAAA", PEER, ALL, "x", "office", NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not the id of key");
    }

    @Test
    void aTwoPartTokenWithoutMacIsMalformed() {
        String legacy = token.substring(0, token.lastIndexOf('.'));
        assertReason(() -> PeerTicket.verify(legacy, KEY, NOW), Reason.MALFORMED);
        assertReason(() -> PeerTicket.verify(legacy, KEY.ticketPublicKey(), "office", NOW, Duration.ZERO),
                Reason.MALFORMED);
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
    void flippingAnyBitOfThePayloadIsRefusedByTheSecretHolderAndByAgents() {
        String[] parts = token.split("\\.");
        byte[] payload = Base64Url.decode(parts[0], "p");
        for (int i = 0; i < payload.length; i++) {
            byte[] copy = payload.clone();
            copy[i] ^= 0x01;
            String forged = Base64Url.encode(copy) + "." + parts[1] + "." + parts[2];
            for (Runnable verification : new Runnable[] {() -> PeerTicket.verify(forged, KEY, NOW),
                    () -> PeerTicket.verify(forged, KEY.ticketPublicKey(), "office", NOW, Duration.ZERO)}) {
                assertThatThrownBy(verification::run).isInstanceOf(VerificationException.class)
                        .extracting(e -> ((VerificationException) e).reason())
                        .isIn(Reason.TAMPERED, Reason.MALFORMED, Reason.WRONG_NETWORK);
            }
        }
    }

    @Test
    void changingTheSignatureOfAThreePartTokenIsRefusedByTheSecretHolderToo() {
        // the MAC covers the signature: no server accepts a token that agents would refuse
        String[] parts = token.split("\\.");
        byte[] signature = Base64Url.decode(parts[1], "s");
        signature[10] ^= 0x01;
        String altered = parts[0] + "." + Base64Url.encode(signature) + "." + parts[2];
        assertReason(() -> PeerTicket.verify(altered, KEY, NOW), Reason.TAMPERED);
        assertReason(() -> PeerTicket.verify(altered, KEY.ticketPublicKey(), "office", NOW, Duration.ZERO),
                Reason.TAMPERED);
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
        String homeToken = PeerTicket.issue(home, PEER, ALL, "x", NOW, Duration.ofHours(1)).encode(home);
        assertReason(() -> PeerTicket.verify(homeToken, KEY, NOW), Reason.WRONG_NETWORK);
    }

    @Test
    void malformedTokensAreRefusedAsMalformed() {
        String[] parts = token.split("\\.");
        String shortMac = parts[0] + "." + parts[1] + "." + Base64Url.encode(new byte[8]);
        for (String bad : new String[] {"", "abc", "a.b.c", "!!!.???", "AAAA.AAAA", "x".repeat(2000),
                token + "." + parts[2], token + ".", parts[0] + "." + parts[1] + ".", shortMac}) {
            assertReason(() -> PeerTicket.verify(bad, KEY, NOW), Reason.MALFORMED);
            assertReason(() -> PeerTicket.verify(bad, KEY.ticketPublicKey(), "office", NOW, Duration.ZERO),
                    Reason.MALFORMED);
        }
        assertReason(() -> PeerTicket.verify(null, KEY, NOW), Reason.MALFORMED);
    }

    @Test
    void theLongestTicketFitsTheTokenLimit() {
        String longest = "€".repeat(128); // three bytes each in UTF-8
        NetworkKey key = NetworkKey.derive(longest, SECRET);
        PeerTicket big = PeerTicket.issue(key, PEER, ALL, longest, NOW, Duration.ofHours(1));
        String bigToken = big.encode(key);
        assertThat(bigToken).hasSize(1206);
        assertThat(PeerTicket.verify(bigToken, key, NOW)).isEqualTo(big);
        assertThat(PeerTicket.verify(bigToken, key.ticketPublicKey(), longest, NOW, Duration.ZERO)).isEqualTo(big);
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
        String forged = PeerTicket.issue(otherSecret, PEER, ALL, "mallory", NOW, Duration.ofHours(1)).encode(otherSecret);
        assertReason(() -> PeerTicket.verify(forged, pinned, "office", NOW, Duration.ZERO), Reason.TAMPERED);
        assertReason(() -> PeerTicket.verify(token, otherSecret.ticketPublicKey(), "office", NOW, Duration.ZERO),
                Reason.TAMPERED);
        assertReason(() -> PeerTicket.verify(token, pinned, "home", NOW, Duration.ZERO), Reason.WRONG_NETWORK);
        // a payload of the right network with a longer expiry, under the genuine signature
        PeerTicket longer = PeerTicket.issue(KEY, PEER, ALL, "Zoë's laptop", NOW, Duration.ofDays(30));
        String spliced = longer.encode(KEY).split("\\.")[0] + "." + token.split("\\.")[1] + "." + token.split("\\.")[2];
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
    void olderTicketVersionsAreRefusedWithAHintToRegisterAgain() {
        for (int version : new int[] {1, 2}) {
            String[] parts = token.split("\\.");
            byte[] payload = Base64Url.decode(parts[0], "p");
            payload[0] = (byte) version;
            String old = Base64Url.encode(payload) + "." + parts[1] + "." + parts[2];
            assertThatThrownBy(() -> PeerTicket.verify(old, KEY, NOW)).isInstanceOf(VerificationException.class)
                    .hasMessageContaining("version " + version).hasMessageContaining("register again");
        }
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
        assertThatThrownBy(() -> PeerTicket.issue(KEY, PEER, ALL, "", NOW, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peer name");
    }

    static void assertReason(Runnable action, Reason reason) {
        assertThatThrownBy(action::run).isInstanceOf(VerificationException.class)
                .extracting(e -> ((VerificationException) e).reason()).isEqualTo(reason);
    }
}
