package net.p2pnet.rendezvous.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerPublicKey;
import net.p2pnet.model.crypto.PeerRequestVerifier;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.rendezvous.config.JoinKeyProperties;
import org.junit.jupiter.api.Test;

/** Heartbeats hand back the presented ticket until half its validity has passed, then a fresh one. */
class TicketRenewalTest {

    private static final String SECRET = "renewal-test-secret-0123456789abcdef";
    private static final Duration TTL = Duration.ofHours(6);
    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");

    private static final PeerPublicKey PEER = PeerKey.generate().publicKey();

    private final NetworkKey key = NetworkKey.derive("renewal", SECRET);
    private final JoinKeyProperties joining = new JoinKeyProperties(SECRET, false, "join-renewal");

    @Test
    void theSameTicketServesUntilHalfItsValidityThenAFreshOne() {
        TicketAuthenticator atStart = authenticatorAt(START);
        TicketAuthenticator.IssuedTicket first = atStart.issue(PEER, "alice", TTL);

        TicketAuthenticator.IssuedTicket early = authenticatorAt(START.plus(Duration.ofHours(2)))
                .renewIfPastHalfLife(first.ticket(), first.token(), "alice", TTL);
        assertThat(early.token()).isEqualTo(first.token());
        assertThat(early.passkey()).isEqualTo(first.passkey());

        Instant late = START.plus(Duration.ofHours(3)).plusSeconds(1);
        TicketAuthenticator.IssuedTicket renewed = authenticatorAt(late)
                .renewIfPastHalfLife(first.ticket(), first.token(), "alice", TTL);
        assertThat(renewed.token()).isNotEqualTo(first.token());
        assertThat(renewed.ticket().expiresAt()).isEqualTo(late.plus(TTL));
        assertThat(PeerTicket.verify(renewed.token(), key, late).peerId()).isEqualTo(PEER.peerId());
    }

    @Test
    void aRenamedPeerGetsATicketWithItsNewName() {
        TicketAuthenticator.IssuedTicket first = authenticatorAt(START).issue(PEER, "bob", TTL);
        TicketAuthenticator.IssuedTicket renamed = authenticatorAt(START.plusSeconds(60))
                .renewIfPastHalfLife(first.ticket(), first.token(), "bobby", TTL);
        assertThat(renamed.ticket().peerName()).isEqualTo("bobby");
    }

    private TicketAuthenticator authenticatorAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new TicketAuthenticator(key, joining,
                new PeerRequestVerifier(PeerAudience.RENDEZVOUS, clock, Duration.ofMinutes(2), 1000), clock);
    }
}
