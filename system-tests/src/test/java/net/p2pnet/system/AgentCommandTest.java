package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.p2pnet.cli.CliRun;
import net.p2pnet.cli.agent.AgentClient;
import net.p2pnet.model.api.ShareState;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./p2pnet agent ...} (in-process, with captured output) against a real agent started from its
 * built jar, registered with a rendezvous server and using a chatroom service, each its own process.
 * Every test leaves what it made under its own names, so they pass in any order.
 */
class AgentCommandTest {

    @TempDir
    static Path work;

    private static final List<ServiceProcess> RUNNING = new ArrayList<>();
    private static ServiceProcess agent;
    private static ServiceProcess chat;

    @BeforeAll
    static void startNetwork() throws Exception {
        String joinKey = "join-" + UUID.randomUUID();
        Map<String, String> serverEnv = ServiceProcess.env("P2PNET_NETWORK_NAME", "cli-test",
                "P2PNET_NETWORK_SECRET", "cli-test-" + UUID.randomUUID(), "P2PNET_NETWORK_JOIN_KEY", joinKey);
        Path rendezvousDir = Files.createDirectories(work.resolve("rendezvous"));
        Path rendezvousServers = Files.writeString(rendezvousDir.resolve("SERVERS"), "# first server\n");
        int rendezvousPort = ServiceProcess.freePort();
        ServiceProcess rendezvous = started(ServiceProcess.start("rendezvous", "rendezvous-server", rendezvousPort,
                rendezvousDir, serverEnv, List.of("--p2pnet.rendezvous.servers-file=" + rendezvousServers,
                        "--p2pnet.rendezvous.public-address=127.0.0.1:" + rendezvousPort)));
        int chatPort = ServiceProcess.freePort();
        chat = started(ServiceProcess.start("chatroom", "chatroom-service", chatPort, work.resolve("chat"), serverEnv,
                List.of("--p2pnet.chatroom.rendezvous-urls=" + rendezvous.url(),
                        "--p2pnet.chatroom.public-url=http://127.0.0.1:" + chatPort, "--p2pnet.chatroom.announce-interval=1s")));
        Path agentServers = Files.writeString(work.resolve("agent.SERVERS"), "127.0.0.1:" + rendezvousPort + "\n");
        agent = started(ServiceProcess.start("agent", "peer-agent", work.resolve("agent"),
                ServiceProcess.env("P2PNET_AGENT_JOIN_KEY", joinKey),
                List.of("--p2pnet.agent.transfer-port=0", "--p2pnet.agent.upload.bind-address=127.0.0.1",
                        "--p2pnet.agent.download-dir=" + work.resolve("downloads"), "--p2pnet.agent.name=cli",
                        "--p2pnet.agent.servers-file=" + agentServers,
                        "--p2pnet.agent.rooms.chatroom-url=" + chat.url())));
        AgentClient client = new AgentClient(agent.url(), null);
        await().atMost(Duration.ofSeconds(60)).until(() -> client.network().registered());
    }

    @AfterAll
    static void stopNetwork() throws Exception {
        for (ServiceProcess service : RUNNING.reversed()) {
            service.close();
        }
    }

    private static ServiceProcess started(ServiceProcess service) {
        RUNNING.add(service);
        return service;
    }

    private static CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("agent", "--url=" + agent.url()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void sharesAFileAndListsItWithItsLinks() throws Exception {
        Path dir = Files.createDirectories(work.resolve("cli-share"));
        byte[] content = new byte[200_000];
        new Random(11).nextBytes(content);
        Files.write(dir.resolve("song.ogg"), content);

        CliRun share = cli("share", dir.toString());
        assertThat(share.exitCode()).as(share.err()).isZero();
        assertThat(share.out()).contains("sharing 1 file(s)");
        AgentClient client = new AgentClient(agent.url(), null);
        await().atMost(Duration.ofSeconds(60)).until(() -> client.shares().stream()
                .filter(s -> s.path().endsWith("song.ogg")).allMatch(s -> s.state() == ShareState.SHARED));

        CliRun shares = cli("shares");
        assertThat(shares.exitCode()).isZero();
        assertThat(shares.out()).contains("SHARED").contains("song.ogg").contains("ed2k://|file|song.ogg|200000|")
                .contains("magnet:?");
    }

    @Test
    void addsATorrentFileShowsItInStatusAndCancelsIt() throws Exception {
        Path content = Files.write(work.resolve("wanted.bin"), new byte[70_000]);
        Path torrent = work.resolve("wanted.torrent");
        Files.write(torrent, TorrentWriter.create(content, TorrentOptions.defaults()).toBytes());

        // a source nobody answers on: it is listed (and tried again) all the same
        CliRun add = cli("add", torrent.toString(), "--source", "127.0.0.1:1");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("wanted.bin");
        String id = add.out().strip().split("\\s+")[0];

        await().atMost(Duration.ofSeconds(30)).until(() -> cli("status").out().contains("sources: 1 p2pnet"));
        CliRun status = cli("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains(id).contains("wanted.bin").contains("network: peer ");

        CliRun cancel = cli("cancel", id);
        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(cancel.out()).contains("cancelled " + id);
        assertThat(cli("status").out()).doesNotContain(id);
    }

    @Test
    void createsRoomsJoinsAndRefusesATakenName() {
        CliRun created = cli("create-room", "cli-room", "--private", "--topic", "from the shell");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("created private room cli-room on " + chat.url()).contains("invite code: ");

        CliRun again = cli("create-room", "cli-room");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("409").contains("already exists");

        CliRun open = cli("create-room", "cli-lobby", "--topic", "anyone");
        assertThat(open.exitCode()).as(open.err()).isZero();
        CliRun joined = cli("join", "cli-lobby");
        assertThat(joined.exitCode()).as(joined.err()).isZero();
        assertThat(joined.out()).contains("joined cli-lobby as ");
        CliRun said = cli("say", "cli-lobby", "hello", "from", "the", "shell");
        assertThat(said.exitCode()).as(said.err()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> cli("rooms").out().contains("cli-lobby"));
    }

    @Test
    void refusalsArePrintedAsOneLineWithExitCodeOne() {
        CliRun unknown = cli("pause", "no-such-download");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("404").contains("no download with id 'no-such-download'");

        CliRun malformed = cli("add", "ed2k://|file|broken");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("400");
    }

    @Test
    void unreachableAgentIsReportedClearly() {
        CliRun status = CliRun.of("agent", "--url=http://127.0.0.1:1", "status");

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).contains("cannot reach the agent at http://127.0.0.1:1");
    }

    @Test
    void missingArgumentsAreUsageErrors() {
        assertThat(cli("pause").exitCode()).isEqualTo(2);
        assertThat(cli("say", "room").exitCode()).isEqualTo(2);
    }
}
