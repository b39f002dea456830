package net.p2pnet.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** An agent started from .env.example's placeholders refuses to start and says how to make a key. */
class AgentSecretsTest {

    @Test
    void aPlaceholderJoinKeyIsRefused() {
        assertThatThrownBy(() -> agent("replace-with-another-random-key", null))
                .hasMessageContaining("p2pnet.agent.join-key").hasMessageContaining("openssl rand -hex 32");
    }

    @Test
    void aPlaceholderOrPredictableControlTokenIsRefused() {
        assertThatThrownBy(() -> agent(null, "replace-with-a-control-token"))
                .hasMessageContaining("p2pnet.agent.control.api-token").hasMessageContaining("placeholder");
        assertThatThrownBy(() -> agent(null, "11111111111111"))
                .hasMessageContaining("p2pnet.agent.control.api-token").hasMessageContaining("predictable");
    }

    @Test
    void noKeyOrPrivateKeysAreAccepted() {
        assertThat(agent(null, null).joinKey()).isNull();
        assertThat(agent("4f0c1e2d9a8b7c6d5e4f3a2b1c0d9e8f", "9c1b7e04a3d2f5e6").control().apiToken())
                .isEqualTo("9c1b7e04a3d2f5e6");
    }

    private static AgentProperties agent(String joinKey, String apiToken) {
        return new AgentProperties("a", null, null, joinKey, null, List.of(), Path.of("d"), 0,
                new AgentProperties.Rate(DataSize.ofBytes(0), DataSize.ofBytes(0)),
                new AgentProperties.Control(apiToken, List.of(), true, List.of(), DataSize.ofMegabytes(1)));
    }
}
