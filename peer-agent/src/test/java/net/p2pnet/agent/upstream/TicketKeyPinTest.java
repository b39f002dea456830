package net.p2pnet.agent.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.model.api.NetworkTicketKey;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.TicketKeyProof;
import net.p2pnet.model.crypto.TicketPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an agent comes to trust a network's ticket key: only with a proof made with its join key, only
 * the first one (kept across restarts), unless the operator pins another one in the configuration.
 */
class TicketKeyPinTest {

    private static final String JOIN_KEY = "join-pin-test-key";
    private static final NetworkKey NETWORK = NetworkKey.derive("pinnet", "pin-test-network-secret-0123456789");
    private static final NetworkKey IMPOSTOR = NetworkKey.derive("pinnet", "an-impostor-server-secret-987654321");

    @TempDir
    Path dir;

    @Test
    void theFirstVouchedKeyIsPinnedKeptAcrossRestartsAndAnotherKeyIsRefused() {
        try (TestAgent agent = TestAgent.start(dir, "p2pnet.agent.join-key=" + JOIN_KEY)) {
            TicketKeyPin pin = agent.bean(TicketKeyPin.class);
            assertThat(pin.current()).isEmpty();

            assertThatThrownBy(() -> pin.accept("s:1", null)).isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("announced no ticket key");
            NetworkTicketKey wrongProof = announce(IMPOSTOR, "not-our-join-key");
            assertThatThrownBy(() -> pin.accept("s:1", wrongProof)).isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("cannot trust");
            NetworkTicketKey garbage = new NetworkTicketKey("pinnet", "AAAA", "AAAA");
            assertThatThrownBy(() -> pin.accept("s:1", garbage)).isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("32 bytes");
            assertThat(pin.current()).isEmpty();

            pin.accept("s:2", announce(NETWORK, JOIN_KEY));
            assertThat(pin.current()).hasValue(new TicketKeyPin.Pinned(NETWORK.ticketPublicKey(), "pinnet"));
            pin.accept("s:3", announce(NETWORK, JOIN_KEY)); // the same key again: fine

            // someone who learnt the join key vouches for its own key: refused, the pin stays
            assertThatThrownBy(() -> pin.accept("s:4", announce(IMPOSTOR, JOIN_KEY)))
                    .isInstanceOf(UpstreamException.class).hasMessageContaining("p2pnet.agent.ticket-key");
            assertThat(pin.current().orElseThrow().key()).isEqualTo(NETWORK.ticketPublicKey());
        }
        try (TestAgent restarted = TestAgent.start(dir, "p2pnet.agent.join-key=" + JOIN_KEY)) {
            assertThat(restarted.bean(TicketKeyPin.class).current())
                    .hasValue(new TicketKeyPin.Pinned(NETWORK.ticketPublicKey(), "pinnet"));
        }
    }

    @Test
    void aNewJoinKeyStartsTrustAfreshLikeAfterASecretChange() {
        try (TestAgent agent = TestAgent.start(dir, "p2pnet.agent.join-key=" + JOIN_KEY)) {
            agent.bean(TicketKeyPin.class).accept("s:1", announce(NETWORK, JOIN_KEY));
        }
        try (TestAgent agent = TestAgent.start(dir, "p2pnet.agent.join-key=the-new-join-key")) {
            TicketKeyPin pin = agent.bean(TicketKeyPin.class);
            assertThat(pin.current()).isEmpty();
            pin.accept("s:1", announce(IMPOSTOR, "the-new-join-key"));
            assertThat(pin.current().orElseThrow().key()).isEqualTo(IMPOSTOR.ticketPublicKey());
        }
    }

    @Test
    void aConfiguredKeyWinsOverTheStoredPin() {
        try (TestAgent agent = TestAgent.start(dir, "p2pnet.agent.join-key=" + JOIN_KEY)) {
            agent.bean(TicketKeyPin.class).accept("s:1", announce(IMPOSTOR, JOIN_KEY));
        }
        String configured = NETWORK.ticketPublicKey().encode();
        try (TestAgent agent = TestAgent.start(dir, "p2pnet.agent.join-key=" + JOIN_KEY,
                "p2pnet.agent.ticket-key=" + configured)) {
            TicketKeyPin pin = agent.bean(TicketKeyPin.class);
            assertThat(pin.current().orElseThrow().key()).isEqualTo(TicketPublicKey.parse(configured));
            assertThatThrownBy(() -> pin.accept("s:1", announce(IMPOSTOR, JOIN_KEY)))
                    .isInstanceOf(UpstreamException.class);
            pin.accept("s:2", announce(NETWORK, JOIN_KEY));
            assertThat(pin.current()).hasValue(new TicketKeyPin.Pinned(NETWORK.ticketPublicKey(), "pinnet"));
        }
    }

    @Test
    void aMalformedConfiguredKeyStopsTheAgentWithAClearMessage() {
        assertThatThrownBy(() -> TestAgent.start(dir, "p2pnet.agent.join-key=" + JOIN_KEY,
                "p2pnet.agent.ticket-key=not-a-key")).rootCause().hasMessageContaining("p2pnet.agent.ticket-key");
    }

    private static NetworkTicketKey announce(NetworkKey key, String joinKey) {
        return new NetworkTicketKey(key.networkName(), key.ticketPublicKey().encode(),
                TicketKeyProof.prove(joinKey, key.networkName(), key.ticketPublicKey()));
    }
}
