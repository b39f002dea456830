package net.p2pnet.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkSecretsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "changeme", "PASSWORD", NetworkSecrets.DEV_SECRET, "short-secret",
            "replace-with-openssl-rand-hex-32", "CHANGEME-to-something-long", "<your network secret here>",
            "aaaaaaaaaaaaaaaaaaaaaaaa", "passwordpassword", "abababababababababab"})
    void emptyWellKnownPlaceholderShortAndPredictableSecretsAreRefusedWithOneLine(String secret) {
        assertThat(NetworkSecrets.weakness(secret)).hasValueSatisfying(reason -> {
            assertThat(reason).contains("p2pnet.network.secret").doesNotContain("\n");
        });
        assertThatThrownBy(() -> NetworkSecrets.requireUsable(secret)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRefusalSaysHowToMakeASecret() {
        assertThat(NetworkSecrets.weakness("replace-with-openssl-rand-hex-32"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("placeholder").contains("openssl rand -hex 32"));
        assertThat(NetworkSecrets.weakness("aaaaaaaaaaaaaaaaaaaaaaaa"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("predictable").contains("openssl rand -hex 32"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"b3f1c9a0e4d27788aa51c0ffee0123ab", "9f86d081884c7d65", "a private network secret 0001",
            "test-network-secret-0123456789"})
    void privateSecretsAreAccepted(String secret) {
        assertThat(NetworkSecrets.weakness(secret)).isEmpty();
        assertThat(NetworkSecrets.requireUsable(secret)).isEqualTo(secret);
    }

    @Test
    void everySecretInEnvExampleIsRefused() throws IOException {
        Properties example = new Properties();
        try (var in = Files.newBufferedReader(repositoryFile(".env.example"))) {
            example.load(in);
        }
        assertThat(NetworkSecrets.weakness(example.getProperty("P2PNET_NETWORK_SECRET"))).isPresent();
        assertThat(NetworkSecrets.keyWeakness("p2pnet.network.join-key", example.getProperty("P2PNET_NETWORK_JOIN_KEY")))
                .isPresent();
        assertThat(NetworkSecrets.keyWeakness("p2pnet.agent.control.api-token", example.getProperty("P2PNET_AGENT_TOKEN")))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"replace-with-another-random-key", "changeme", "join", "12121212", "aaaaaaaaaaaaaaaa"})
    void placeholderShortAndPredictableKeysAreRefused(String key) {
        assertThat(NetworkSecrets.keyWeakness("p2pnet.agent.join-key", key)).hasValueSatisfying(reason -> {
            assertThat(reason).startsWith("p2pnet.agent.join-key ").contains("openssl rand -hex 32");
        });
        assertThatThrownBy(() -> NetworkSecrets.requireUsableKey("p2pnet.agent.join-key", key))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "join-me-please", "correct-horse-battery", "4f0c1e2d9a8b7c6d5e4f3a2b1c0d9e8f"})
    void emptyAndPrivateKeysAreAccepted(String key) {
        assertThat(NetworkSecrets.keyWeakness("p2pnet.agent.join-key", key)).isEmpty();
    }

    private static Path repositoryFile(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(name))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(name + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(name);
    }
}
