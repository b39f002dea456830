package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import net.p2pnet.agent.share.ShareService;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.model.api.ShareState;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./p2pnet agent ...} against a real running agent, in-process with captured output. */
class AgentCommandTest {

    @TempDir
    static Path data;
    @TempDir
    static Path files;

    private static RunningAgent agent;

    @BeforeAll
    static void startAgent() {
        agent = RunningAgent.start(data);
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    /** Exit code, stdout, stderr of one CLI run. */
    record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = net.p2pnet.agent.cli.P2pnetCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "agent";
        all[1] = "--url=" + agent.url();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = commandLine.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void sharesAFileAndListsItWithItsLinks() throws Exception {
        Path dir = Files.createDirectories(files.resolve("cli-share"));
        byte[] content = new byte[200_000];
        new Random(11).nextBytes(content);
        Files.write(dir.resolve("song.ogg"), content);

        Run share = cli("share", dir.toString());
        assertThat(share.exit()).as(share.err()).isZero();
        assertThat(share.out()).contains("sharing 1 file(s)");
        await().atMost(Duration.ofSeconds(60)).until(() -> agent.bean(ShareService.class).list().stream()
                .allMatch(s -> s.state() == ShareState.SHARED));

        Run shares = cli("shares");
        assertThat(shares.exit()).isZero();
        assertThat(shares.out()).contains("SHARED").contains("song.ogg").contains("ed2k://|file|song.ogg|200000|")
                .contains("magnet:?");
    }

    @Test
    void addsATorrentFileShowsItInStatusAndCancelsIt() throws Exception {
        Path content = Files.write(files.resolve("wanted.bin"), new byte[70_000]);
        Path torrent = files.resolve("wanted.torrent");
        Files.write(torrent, TorrentWriter.create(content, TorrentOptions.defaults()).toBytes());

        // a source nobody answers on: it is listed (and tried again) all the same
        Run add = cli("add", torrent.toString(), "--source", "127.0.0.1:1");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("wanted.bin");
        String id = add.out().strip().split("\\s+")[0];

        await().atMost(Duration.ofSeconds(30)).until(() -> cli("status").out().contains("sources: 1 p2pnet"));
        Run status = cli("status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains(id).contains("wanted.bin").contains("network: not registered");

        Run cancel = cli("cancel", id);
        assertThat(cancel.exit()).as(cancel.err()).isZero();
        assertThat(cli("status").out()).doesNotContain(id);
    }

    @Test
    void refusalsArePrintedAsOneLineWithExitCodeOne() {
        Run unknown = cli("pause", "no-such-download");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("404").contains("no download with id 'no-such-download'");

        Run malformed = cli("add", "ed2k://|file|broken");
        assertThat(malformed.exit()).isEqualTo(1);
        assertThat(malformed.err()).contains("400");
    }

    @Test
    void unreachableAgentIsReportedClearly() {
        StringWriter err = new StringWriter();
        var commandLine = P2pnetCli.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));

        int exit = commandLine.execute("agent", "--url=http://127.0.0.1:1", "status");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach the agent at http://127.0.0.1:1");
    }

    @Test
    void missingArgumentsAreUsageErrors() {
        assertThat(cli("pause").exit()).isEqualTo(2);
        assertThat(cli("say", "room").exit()).isEqualTo(2);
    }
}
