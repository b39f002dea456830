package net.p2pnet.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's key: made once, owner-only, the same on every start, its peer id derived from it. */
class PeerIdentityTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyIsCreatedOwnerOnlyAndReusedOnRestart() throws Exception {
        PeerIdentity first = new PeerIdentity(dataDir);
        Path file = dataDir.resolve(PeerIdentity.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.peerId()).isEqualTo(first.key().publicKey().peerId()).matches("[A-Z2-7]{52}");
        assertThat(Files.readString(file)).doesNotContain(first.peerId());

        PeerIdentity again = new PeerIdentity(dataDir);
        assertThat(again.peerId()).isEqualTo(first.peerId());
        assertThat(new PeerIdentity(dataDir.resolve("elsewhere")).peerId()).isNotEqualTo(first.peerId());
    }

    @Test
    void aKeyReadableByOthersIsMadeOwnerOnly() throws Exception {
        String peerId = new PeerIdentity(dataDir).peerId();
        Path file = dataDir.resolve(PeerIdentity.KEY_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(new PeerIdentity(dataDir).peerId()).isEqualTo(peerId);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyStopsTheStartWithAClearMessage() throws Exception {
        Files.writeString(dataDir.resolve(PeerIdentity.KEY_FILE), "p2pnet-peer-key-v1 not-base64!\n");
        assertThatThrownBy(() -> new PeerIdentity(dataDir)).hasMessageContaining("is damaged")
                .hasMessageContaining("delete it to become a new peer");
        Files.writeString(dataDir.resolve(PeerIdentity.KEY_FILE), "something else");
        assertThatThrownBy(() -> new PeerIdentity(dataDir)).hasMessageContaining("is not an agent key");
    }
}
