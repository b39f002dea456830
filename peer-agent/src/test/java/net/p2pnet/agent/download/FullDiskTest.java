package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download directory is an 8 MiB tmpfs and the file 12 MiB: the download pauses with a clear
 * error, keeps its verified pieces, and finishes once the file system has room and it is resumed.
 * Needs root (mount); skipped where mounting is not permitted.
 */
@Tag("interop")
class FullDiskTest {

    @TempDir
    Path dir;

    @Test
    void fullDiskPausesWithAClearErrorAndResumesOnRequest() throws Exception {
        Path downloads = Files.createDirectories(dir.resolve("agent/downloads"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", downloads.toString()) == 0,
                "mounting a tmpfs is not permitted here");
        try {
            Path original = SeedFiles.randomFile(dir.resolve("files/big.bin"), 12L << 20, 41);
            byte[] torrent = SeedFiles.torrent(original, 256 * 1024);
            try (TestAgent seed = TestAgent.start(dir.resolve("seed"));
                 TestAgent agent = TestAgent.start(dir.resolve("agent"))) {
                seed.catalog().publish(SeedFiles.share(original, torrent));
                DownloadView added = agent.downloads().addTorrent(torrent, List.of(), List.of(seed.address()));

                DownloadView paused = Await.state(agent.downloads(), added.id(), DownloadState.PAUSED, Duration.ofMinutes(2));
                assertThat(paused.error()).contains("No space left on device").contains("resume");
                assertThat(paused.verifiedBytes()).isPositive().isLessThan(12L << 20);

                assertThat(run("mount", "-o", "remount,size=64m", downloads.toString())).isZero();
                agent.downloads().resume(added.id());
                DownloadView done = Await.state(agent.downloads(), added.id(), DownloadState.COMPLETED, Duration.ofMinutes(2));
                assertThat(Files.mismatch(original, Path.of(done.path()))).isEqualTo(-1);
            }
        } finally {
            run("umount", "-l", downloads.toString());
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
