package net.p2pnet.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkKeyTest {

    private static final String SECRET = "correct horse battery staple 42";

    @Test
    void sameNameAndSecretGiveTheSameKeysAndFingerprint() {
        NetworkKey a = NetworkKey.derive("office", SECRET);
        NetworkKey b = NetworkKey.derive("office", SECRET);
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).matches("([0-9a-f]{4}:){4}[0-9a-f]{4}");
        assertThat(a.hmac(KeyPurpose.FEDERATION, bytes("x"))).isEqualTo(b.hmac(KeyPurpose.FEDERATION, bytes("x")));
        assertThat(a.derivedJoinKey()).isEqualTo(b.derivedJoinKey());
    }

    @Test
    void anotherSecretOrNetworkNameGivesOtherKeys() {
        NetworkKey base = NetworkKey.derive("office", SECRET);
        NetworkKey otherSecret = NetworkKey.derive("office", SECRET + "!");
        NetworkKey otherName = NetworkKey.derive("home", SECRET);
        assertThat(otherSecret.fingerprint()).isNotEqualTo(base.fingerprint());
        assertThat(otherName.fingerprint()).isNotEqualTo(base.fingerprint());
        assertThat(otherName.hmac(KeyPurpose.FEDERATION, bytes("x"))).isNotEqualTo(base.hmac(KeyPurpose.FEDERATION, bytes("x")));
    }

    @Test
    void everyPurposeHasItsOwnSubKey() {
        NetworkKey key = NetworkKey.derive("office", SECRET);
        Set<String> macs = new HashSet<>();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            macs.add(HexFormat.of().formatHex(key.hmac(purpose, bytes("same input"))));
        }
        assertThat(macs).hasSize(KeyPurpose.values().length);
    }

    @Test
    void neitherFingerprintNorToStringNorJoinKeyContainTheSecret() {
        NetworkKey key = NetworkKey.derive("office", SECRET);
        assertThat(key.toString()).doesNotContain(SECRET).contains(key.fingerprint());
        assertThat(key.derivedJoinKey()).doesNotContain("horse").matches("[A-Za-z0-9_-]{24}");
    }

    @Test
    void emptySecretOrNameIsRefused() {
        assertThatThrownBy(() -> NetworkKey.derive("office", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetworkKey.derive(" ", SECRET)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
