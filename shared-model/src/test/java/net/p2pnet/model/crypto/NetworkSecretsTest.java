package net.p2pnet.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkSecretsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "changeme", "PASSWORD", NetworkSecrets.DEV_SECRET, "short-secret"})
    void emptyWellKnownAndShortSecretsAreRefusedWithOneLine(String secret) {
        assertThat(NetworkSecrets.weakness(secret)).hasValueSatisfying(reason -> {
            assertThat(reason).contains("p2pnet.network.secret").doesNotContain("\n");
        });
        assertThatThrownBy(() -> NetworkSecrets.requireUsable(secret)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongPrivateSecretIsAccepted() {
        String secret = "b3f1c9a0e4d27788aa51c0ffee0123ab";
        assertThat(NetworkSecrets.weakness(secret)).isEmpty();
        assertThat(NetworkSecrets.requireUsable(secret)).isEqualTo(secret);
    }
}
