package net.p2pnet.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.p2pnet.model.crypto.Handshake.Role;
import net.p2pnet.model.crypto.Handshake.Transcript;
import org.junit.jupiter.api.Test;

class HandshakeTest {

    private static final NetworkKey KEY = NetworkKey.derive("office", "a private network secret 0001");
    private final Handshake alice = new Handshake(KEY);
    private final Handshake bob = new Handshake(NetworkKey.derive("office", "a private network secret 0001"));
    private final Transcript transcript =
            new Transcript("a.example:8700", "b.example:8701", Handshake.newNonce(), Handshake.newNonce());

    @Test
    void bothSidesWithTheSameSecretProveIt() {
        String responderProof = bob.prove(Role.RESPONDER, transcript);
        alice.verify(Role.RESPONDER, transcript, responderProof);
        String initiatorProof = alice.prove(Role.INITIATOR, transcript);
        bob.verify(Role.INITIATOR, transcript, initiatorProof);
        assertThat(responderProof).isNotEqualTo(initiatorProof).doesNotContain("secret");
    }

    @Test
    void aServerWithAnotherSecretIsRefused() {
        Handshake mallory = new Handshake(NetworkKey.derive("office", "another network secret 0002"));
        String proof = mallory.prove(Role.RESPONDER, transcript);
        assertThatThrownBy(() -> alice.verify(Role.RESPONDER, transcript, proof))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("another network secret")
                .extracting(e -> ((VerificationException) e).reason()).isEqualTo(VerificationException.Reason.TAMPERED);
    }

    @Test
    void aProofIsBoundToRoleNoncesAndIdentities() {
        String proof = bob.prove(Role.RESPONDER, transcript);
        assertRefused(Role.INITIATOR, transcript, proof); // reflected back
        assertRefused(Role.RESPONDER, new Transcript(transcript.initiatorId(), transcript.responderId(),
                Handshake.newNonce(), transcript.responderNonce()), proof); // another session
        assertRefused(Role.RESPONDER, new Transcript(transcript.initiatorId(), transcript.responderId(),
                transcript.initiatorNonce(), Handshake.newNonce()), proof);
        assertRefused(Role.RESPONDER, new Transcript("c.example:8702", transcript.responderId(),
                transcript.initiatorNonce(), transcript.responderNonce()), proof); // relayed to a third server
        assertRefused(Role.RESPONDER, new Transcript(transcript.initiatorId(), "c.example:8702",
                transcript.initiatorNonce(), transcript.responderNonce()), proof);
    }

    @Test
    void malformedNoncesAndProofsAreRefusedAsMalformed() {
        assertThatThrownBy(() -> new Transcript("a:1", "b:2", "short", Handshake.newNonce()))
                .isInstanceOf(VerificationException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> new Transcript("a:1\nx", "b:2", Handshake.newNonce(), Handshake.newNonce()))
                .isInstanceOf(VerificationException.class).hasMessageContaining("single line");
        assertThatThrownBy(() -> alice.verify(Role.RESPONDER, transcript, "not base64!"))
                .isInstanceOf(VerificationException.class)
                .extracting(e -> ((VerificationException) e).reason()).isEqualTo(VerificationException.Reason.MALFORMED);
    }

    private void assertRefused(Role role, Transcript t, String proof) {
        assertThatThrownBy(() -> alice.verify(role, t, proof)).isInstanceOf(VerificationException.class);
    }
}
