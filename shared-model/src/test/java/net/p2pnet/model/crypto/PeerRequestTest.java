package net.p2pnet.model.crypto;

import static net.p2pnet.model.crypto.PeerTicketTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import net.p2pnet.model.crypto.VerificationException.Reason;
import org.junit.jupiter.api.Test;

class PeerRequestTest {

    private static final NetworkKey NETWORK = NetworkKey.derive("office", "a private network secret 0001");
    private static final byte[] BODY = "{\"transferPort\":6881}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
    private final PeerKey alice = PeerKey.generate();
    private final PeerKey mallory = PeerKey.generate();
    private final PeerRequestSigner aliceSigns = new PeerRequestSigner(alice, clock);
    private final PeerRequestVerifier rendezvous = new PeerRequestVerifier(PeerAudience.RENDEZVOUS, clock,
            Duration.ofMinutes(2), 1000);
    private final PeerTicket aliceTicket = PeerTicket.issue(NETWORK, alice.publicKey(),
            EnumSet.allOf(PeerAudience.class), "alice", clock.instant(), Duration.ofHours(6));

    @Test
    void aKeyIsItsPeerIdAndSurvivesItsSeed() {
        assertThat(alice.peerId()).matches("[A-Z2-7]{52}").isNotEqualTo(mallory.peerId());
        PeerKey again = PeerKey.fromSeed(alice.seed());
        assertThat(again.publicKey()).isEqualTo(alice.publicKey());
        assertThat(PeerPublicKey.parse(alice.publicKey().encode()).peerId()).isEqualTo(alice.peerId());
    }

    @Test
    void aSignedRequestProvesTheKeyAndIsAcceptedOnce() {
        PeerSignature signature = aliceSigns.sign(PeerAudience.RENDEZVOUS, "PUT", "/api/v1/peers/x/heartbeat", BODY);
        PeerSignature parsed = PeerSignature.fromHeaders(signature.headers()::get);
        assertThat(rendezvous.verify("", "put", "/api/v1/peers/x/heartbeat", BODY, parsed)).isEqualTo(alice.publicKey());
        assertReason(() -> rendezvous.verify("", "PUT", "/api/v1/peers/x/heartbeat", BODY, parsed), Reason.REPLAYED);
    }

    @Test
    void anyChangeOfMethodPathBodyAudienceOrBindingIsRefused() {
        PeerSignature signature = aliceSigns.sign(PeerAudience.RENDEZVOUS, "PUT", "/p", BODY);
        assertReason(() -> rendezvous.verify("", "POST", "/p", BODY, signature), Reason.TAMPERED);
        assertReason(() -> rendezvous.verify("", "PUT", "/q", BODY, signature), Reason.TAMPERED);
        assertReason(() -> rendezvous.verify("", "PUT", "/p", new byte[0], signature), Reason.TAMPERED);
        assertReason(() -> rendezvous.verify("peer-b", "PUT", "/p", BODY, signature), Reason.TAMPERED);
        PeerRequestVerifier chatroom = new PeerRequestVerifier(PeerAudience.CHATROOM, clock, Duration.ofMinutes(2), 10);
        assertReason(() -> chatroom.verify("", "PUT", "/p", BODY, signature), Reason.TAMPERED);
        // another key claiming to have signed it
        PeerSignature claimed = new PeerSignature(mallory.publicKey().encode(), signature.timestamp(),
                signature.nonce(), signature.signature());
        assertReason(() -> rendezvous.verify("", "PUT", "/p", BODY, claimed), Reason.TAMPERED);
        assertThat(rendezvous.rememberedNonces()).isZero();
    }

    @Test
    void aTicketIsWorthNothingWithoutItsKey() {
        // mallory saw alice's ticket and signs with her own key
        PeerSignature mallorys = new PeerRequestSigner(mallory, clock).sign(PeerAudience.RENDEZVOUS, "GET", "/p", null);
        assertThatThrownBy(() -> rendezvous.verify(aliceTicket, "", "GET", "/p", null, mallorys))
                .isInstanceOf(VerificationException.class).hasMessageContaining("bound to another key");
        PeerSignature alices = aliceSigns.sign(PeerAudience.RENDEZVOUS, "GET", "/p", null);
        assertThat(rendezvous.verify(aliceTicket, "", "GET", "/p", new byte[0], alices)).isEqualTo(aliceTicket);
    }

    @Test
    void aTicketWithoutTheAudienceIsRefused() {
        PeerTicket chatOnly = PeerTicket.issue(NETWORK, alice.publicKey(), Set.of(PeerAudience.CHATROOM), "alice",
                clock.instant(), Duration.ofHours(6));
        PeerSignature signature = aliceSigns.sign(PeerAudience.RENDEZVOUS, "GET", "/p", null);
        assertThatThrownBy(() -> rendezvous.verify(chatOnly, "", "GET", "/p", null, signature))
                .isInstanceOf(VerificationException.class).hasMessageContaining("not valid for rendezvous");
    }

    @Test
    void skewedTimestampsAndMalformedHeadersAreRefused() {
        PeerSignature old = aliceSigns.sign(PeerAudience.RENDEZVOUS, "GET", "/p", null);
        clock.advance(Duration.ofMinutes(3));
        assertReason(() -> rendezvous.verify("", "GET", "/p", null, old), Reason.CLOCK_SKEW);
        assertReason(() -> PeerSignature.fromHeaders(h -> null), Reason.MALFORMED);
        PeerSignature badKey = new PeerSignature("AAAA", old.timestamp(), old.nonce(), old.signature());
        assertReason(() -> rendezvous.verify("", "GET", "/p", null, badKey), Reason.MALFORMED);
    }
}
