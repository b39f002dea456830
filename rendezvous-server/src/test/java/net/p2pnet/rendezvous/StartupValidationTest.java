package net.p2pnet.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The server refuses to start on bad configuration, and says why in terms an operator can act on. */
class StartupValidationTest {

    @TempDir
    Path dir;

    @Test
    void aMalformedServersFileStopsTheStartWithItsLineNumbers() throws Exception {
        Path servers = dir.resolve("SERVERS");
        Files.writeString(servers, "# ok\n127.0.0.1:8701\nrdv.example.org\n[::1]:99999\n");
        assertThatThrownBy(() -> start("--p2pnet.network.secret=startup-test-secret-0123456789",
                "--p2pnet.rendezvous.servers-file=" + servers))
                .satisfies(e -> assertThat(rootMessage(e)).contains("2 malformed line(s)")
                        .contains("line 3: 'rdv.example.org' has no port")
                        .contains("line 4: port 99999 is outside 1-65535"));
    }

    @Test
    void aWellKnownSecretOrBadSettingsStopTheStart() {
        assertThatThrownBy(() -> start("--p2pnet.network.secret=changeme"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("well-known default"));
        assertThatThrownBy(() -> start("--p2pnet.network.secret=startup-test-secret-0123456789",
                "--p2pnet.rendezvous.public-address=no-port-here"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("public-address").contains("has no port"));
        assertThatThrownBy(() -> start("--p2pnet.network.secret=startup-test-secret-0123456789",
                "--p2pnet.rendezvous.heartbeat-interval=5m", "--p2pnet.rendezvous.peer-ttl=1m"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("must be shorter than peer-ttl"));
    }

    @Test
    void theExampleEnvironmentsPlaceholdersStopTheStartAndSayHowToMakeASecret() {
        assertThatThrownBy(() -> start("--p2pnet.network.secret=replace-with-openssl-rand-hex-32"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("p2pnet.network.secret").contains("placeholder")
                        .contains("openssl rand -hex 32"));
        assertThatThrownBy(() -> start("--p2pnet.network.secret=startup-test-secret-0123456789",
                "--p2pnet.network.join-key=replace-with-another-random-key"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("p2pnet.network.join-key").contains("placeholder"));
        assertThatThrownBy(() -> start("--p2pnet.network.secret=0000000000000000000000000000"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("predictable").contains("openssl rand -hex 32"));
    }

    private void start(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--p2pnet.data-dir=" + dir;
        all[args.length + 2] = "--spring.main.banner-mode=off";
        new SpringApplicationBuilder(RendezvousApplication.class).run(all).close();
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
