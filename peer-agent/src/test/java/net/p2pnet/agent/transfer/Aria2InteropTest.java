package net.p2pnet.agent.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aria2c, unchanged, fetches from agents: over plain HTTP with Range, and as BEP 19 web seeds of a torrent. */
@Tag("interop")
class Aria2InteropTest {

    /** Loopback only: no DHT, no local peer discovery, no peer exchange (REFERENCE-TOOLS.md). */
    private static final List<String> NOP = List.of("--enable-dht=false", "--enable-dht6=false",
            "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--file-allocation=none", "--summary-interval=0",
            "--console-log-level=warn");

    @TempDir
    static Path dir;

    static List<TestAgent> agents = new ArrayList<>();
    static Path original;
    static SharedContent shared;

    @BeforeAll
    static void start() throws Exception {
        original = SeedFiles.randomFile(dir.resolve("files/aria.bin"), 20L << 20, 51);
        shared = SeedFiles.share(original, SeedFiles.torrent(original, 256 * 1024));
        for (int i = 0; i < 3; i++) {
            TestAgent agent = TestAgent.start(dir.resolve("agent" + i));
            agent.catalog().publish(shared);
            agents.add(agent);
        }
    }

    @AfterAll
    static void stop() {
        agents.forEach(TestAgent::close);
    }

    @Test
    void aria2FetchesOneFileFromThreeAgentsAtOnce() throws Exception {
        Path out = dir.resolve("http-out");
        List<String> command = new ArrayList<>(List.of("aria2c", "-x3", "-s3", "-k1M", "--dir=" + out));
        command.addAll(NOP);
        agents.forEach(a -> command.add(a.baseUrl() + "/files/" + shared.infoHash() + "/aria.bin"));
        assertThat(run(command, out)).isZero();
        assertThat(Files.mismatch(original, out.resolve("aria.bin"))).isEqualTo(-1);
    }

    @Test
    void aria2UsesAgentsAsWebSeedsOfATorrent() throws Exception {
        List<String> seeds = agents.stream().map(a -> a.baseUrl() + "/files/" + shared.infoHash() + "/").toList();
        Metainfo withSeeds = TorrentWriter.create(original, TorrentOptions.defaults().withPieceLength(256 * 1024)
                .withWebSeeds(seeds));
        assertThat(withSeeds.infoHash().hex()).isEqualTo(shared.infoHash()); // url-list is outside the info dictionary
        Path torrent = Files.write(dir.resolve("webseed.torrent"), withSeeds.toBytes());
        Path out = dir.resolve("webseed-out");
        List<String> command = new ArrayList<>(List.of("aria2c", "--dir=" + out, "--seed-time=0", "--check-integrity=true"));
        command.addAll(NOP);
        command.add(torrent.toString());
        assertThat(run(command, out)).isZero();
        assertThat(Files.mismatch(original, out.resolve("aria.bin"))).isEqualTo(-1);
    }

    private static int run(List<String> command, Path out) throws Exception {
        Files.createDirectories(out);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
