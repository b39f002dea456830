package net.p2pnet.agent.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.model.api.ShareState;
import net.p2pnet.model.api.ShareView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharing a whole home directory shares its documents, never its keys, credentials or hidden files. */
class PrivateFilesSharingTest {

    @TempDir
    Path dir;

    @Test
    void aSharedHomeDirectoryKeepsKeysAndCredentialsPrivate() throws Exception {
        Path home = dir.resolve("home");
        List<String> secret = List.of(".ssh/id_rsa", ".ssh/id_rsa.pub", ".ssh/config", ".gnupg/secring.gpg",
                ".aws/credentials", ".netrc", ".pgpass", "id_ed25519", "backup/ID_ECDSA", "certs/server.key",
                "certs/server.pem", "bitcoin/wallet.dat", "cloud/credentials", "keys/store.p12",
                "photos/.thumbnails/cat.jpg", "notes.txt.swp.d/.hidden");
        List<String> shared = List.of("docs/report.pdf", "photos/cat.jpg", "notes.txt");
        for (String name : concat(secret, shared)) {
            Path file = home.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "content of " + name);
        }
        try (TestAgent agent = TestAgent.start(dir.resolve("agent"))) {
            ShareService shares = agent.bean(ShareService.class);
            shares.add(home.toString());
            Await.until("the documents to be shared", Duration.ofSeconds(60), () -> shares.list().stream()
                    .filter(s -> s.state() == ShareState.SHARED).count() == shared.size());
            assertThat(shares.list()).extracting(ShareView::path).map(Path::of).map(home::relativize).map(Path::toString)
                    .containsExactlyInAnyOrderElementsOf(shared);
            for (ShareView view : shares.list()) {
                assertThat(agent.catalog().find(view.infoHash())).isPresent();
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
