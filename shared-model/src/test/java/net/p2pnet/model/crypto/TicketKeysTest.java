package net.p2pnet.model.crypto;

import static net.p2pnet.model.crypto.PeerTicketTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.p2pnet.model.crypto.VerificationException.Reason;
import org.junit.jupiter.api.Test;

class TicketKeysTest {

    private static final NetworkKey KEY = NetworkKey.derive("office", "a private network secret 0001");
    private static final TicketPublicKey PUBLIC = KEY.ticketPublicKey();

    @Test
    void theKeyPairIsDerivedFromNameAndSecret() {
        assertThat(NetworkKey.derive("office", "a private network secret 0001").ticketPublicKey()).isEqualTo(PUBLIC);
        assertThat(NetworkKey.derive("office", "another secret 0002").ticketPublicKey()).isNotEqualTo(PUBLIC);
        assertThat(NetworkKey.derive("home", "a private network secret 0001").ticketPublicKey()).isNotEqualTo(PUBLIC);
    }

    @Test
    void thePublicKeyRoundTripsThroughItsPrintedForm() {
        assertThat(TicketPublicKey.parse(PUBLIC.encode())).isEqualTo(PUBLIC).hasSameHashCodeAs(PUBLIC);
        assertThat(TicketPublicKey.parse(" " + PUBLIC.encode() + "\n")).isEqualTo(PUBLIC);
    }

    @Test
    void malformedPublicKeysAreRefusedClearly() {
        for (String bad : new String[] {"", "not base64!", "AAAA", PUBLIC.encode() + "AA", PUBLIC.encode() + "="}) {
            assertReason(() -> TicketPublicKey.parse(bad), Reason.MALFORMED);
        }
        assertReason(() -> TicketPublicKey.parse(null), Reason.MALFORMED);
        assertThatThrownBy(() -> TicketPublicKey.parse("AAAA")).hasMessageContaining("32 bytes");
    }

    @Test
    void aProofMadeWithTheJoinKeyVerifiesAndAnythingElseIsTampered() {
        String proof = TicketKeyProof.prove("join-me", "office", PUBLIC);
        TicketKeyProof.verify("join-me", "office", PUBLIC, proof);

        TicketPublicKey mallory = NetworkKey.derive("office", "mallory's own secret 0003").ticketPublicKey();
        assertReason(() -> TicketKeyProof.verify("join-me", "office", mallory, proof), Reason.TAMPERED);
        assertReason(() -> TicketKeyProof.verify("other-key", "office", PUBLIC, proof), Reason.TAMPERED);
        assertReason(() -> TicketKeyProof.verify("join-me", "home", PUBLIC, proof), Reason.TAMPERED);
        String withoutJoinKey = TicketKeyProof.prove("guessed", "office", mallory);
        assertReason(() -> TicketKeyProof.verify("join-me", "office", mallory, withoutJoinKey), Reason.TAMPERED);
        assertReason(() -> TicketKeyProof.verify("join-me", "office", PUBLIC, "%%%"), Reason.MALFORMED);
        assertReason(() -> TicketKeyProof.verify("join-me", "office", PUBLIC, null), Reason.MALFORMED);
    }
}
