package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.p2pnet.agent.PeerAgentApplication;
import net.p2pnet.agent.storage.TorrentContent;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.agent.transfer.SharedContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The downloader runs as its own JVM and is killed with SIGKILL in the middle of a download; the
 * restarted agent resumes from its pieces file, fetches only what was not verified, and ends with a
 * byte-identical file.
 */
class ResumeAfterKillTest {

    private static final int PIECE = 256 * 1024;
    private static final long SIZE = 16L << 20;

    @TempDir
    Path dir;

    @Test
    void killedDownloaderResumesWithoutRefetchingVerifiedPieces() throws Exception {
        Path original = SeedFiles.randomFile(dir.resolve("files/resume.bin"), SIZE, 7);
        byte[] torrent = SeedFiles.torrent(original, PIECE);
        SharedContent shared = SeedFiles.share(original, torrent);
        try (TestAgent seed = TestAgent.start(dir.resolve("seed"))) {
            seed.catalog().publish(shared);
            Path agentDir = dir.resolve("downloader");
            Path workDir = agentDir.resolve("downloads/.p2pnet-incomplete");
            // the download as the control API would have stored it before the crash
            DownloadSpec spec = new DownloadSpec("resume0000000001", System.currentTimeMillis(), null,
                    TorrentContent.parse(torrent).infoHash(), null, -1, torrent, List.of(), List.of(seed.address()), false);
            new DownloadStore(workDir, JsonMapper.builder().build()).save(spec);
            Path pieces = workDir.resolve(spec.id() + ".pieces");

            Process first = startAgent(agentDir, "p2pnet.agent.rate.download=3MB");
            try {
                Await.until("a third of the pieces verified", Duration.ofMinutes(3), () -> verified(pieces) >= 22);
            } finally {
                first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
            }
            Thread.sleep(1000); // let the seed notice the broken connection and finish counting
            int verifiedAtKill = verified(pieces);
            assertThat(verifiedAtKill).isLessThan(64);
            double servedBefore = served(seed);

            Process second = startAgent(agentDir);
            try {
                Path result = agentDir.resolve("downloads/resume.bin");
                Await.until("the resumed download to complete", Duration.ofMinutes(3), () -> Files.exists(result)
                        && !Files.exists(workDir.resolve(spec.id() + ".part")));
                assertThat(Files.mismatch(original, result)).isEqualTo(-1);
            } finally {
                second.destroy();
                second.waitFor();
            }
            long missingAtRestart = SIZE - (long) verifiedAtKill * PIECE;
            assertThat(served(seed) - servedBefore).isEqualTo((double) missingAtRestart);
        }
    }

    private static int verified(Path pieces) {
        try {
            return Files.exists(pieces) ? BitSet.valueOf(Files.readAllBytes(pieces)).cardinality() : 0;
        } catch (IOException e) {
            return 0; // replaced while reading; the next poll sees the new file
        }
    }

    private static double served(TestAgent seed) {
        return seed.bean(MeterRegistry.class).find("p2pnet.agent.bytes").tag("direction", "out").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private Process startAgent(Path agentDir, String... properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), PeerAgentApplication.class.getName(),
                "--server.port=0", "--p2pnet.agent.transfer-port=0", "--p2pnet.agent.upload.bind-address=127.0.0.1",
                "--p2pnet.data-dir=" + agentDir.resolve("data"), "--p2pnet.agent.download-dir=" + agentDir.resolve("downloads")));
        for (String property : properties) {
            command.add("--" + property);
        }
        Files.createDirectories(agentDir);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(agentDir.resolve("agent.log").toFile())).start();
    }
}
