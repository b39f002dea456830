package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
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
 * The download directory has room for less than the 12 MiB file: the download pauses with a clear
 * error, keeps its verified pieces, and finishes once the file system has room and it is resumed.
 * On a tmpfs (grown by a remount) and on ext4 in a loop-mounted image (room made by deleting a
 * filler file), where part files are written with direct I/O. Needs root (mount); skipped where
 * mounting is not permitted.
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
            pausesWhenFullAndResumes(() -> assertThat(run("mount", "-o", "remount,size=64m", downloads.toString())).isZero());
        } finally {
            run("umount", "-l", downloads.toString());
        }
    }

    @Test
    void fullExt4WithDirectWritesPausesWithAClearErrorAndResumesOnRequest() throws Exception {
        Path downloads = Files.createDirectories(dir.resolve("agent/downloads"));
        Path image = dir.resolve("ext4.img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(48L << 20);
        }
        assumeTrue(run("mkfs.ext4", "-q", "-F", image.toString()) == 0, "mkfs.ext4 is not available here");
        assumeTrue(run("mount", "-o", "loop", image.toString(), downloads.toString()) == 0,
                "loop-mounting an ext4 image is not permitted here");
        try {
            Path filler = downloads.resolve("filler");
            long free = Files.getFileStore(downloads).getUsableSpace();
            assertThat(run("fallocate", "-l", String.valueOf(free - (6L << 20)), filler.toString())).isZero();
            pausesWhenFullAndResumes(() -> Files.delete(filler));
        } finally {
            run("umount", "-l", downloads.toString());
        }
    }

    private interface MakeRoom {
        void run() throws Exception;
    }

    private void pausesWhenFullAndResumes(MakeRoom makeRoom) throws Exception {
        Path original = SeedFiles.randomFile(dir.resolve("files/big.bin"), 12L << 20, 41);
        byte[] torrent = SeedFiles.torrent(original, 256 * 1024);
        try (TestAgent seed = TestAgent.start(dir.resolve("seed"));
             TestAgent agent = TestAgent.start(dir.resolve("agent"))) {
            seed.catalog().publish(SeedFiles.share(original, torrent));
            DownloadView added = agent.downloads().addTorrent(torrent, List.of(), List.of(seed.address()));

            DownloadView paused = Await.state(agent.downloads(), added.id(), DownloadState.PAUSED, Duration.ofMinutes(2));
            assertThat(paused.error()).contains("No space left on device").contains("resume");
            assertThat(paused.verifiedBytes()).isLessThan(12L << 20);

            makeRoom.run();
            agent.downloads().resume(added.id());
            DownloadView done = Await.state(agent.downloads(), added.id(), DownloadState.COMPLETED, Duration.ofMinutes(2));
            assertThat(Files.mismatch(original, Path.of(done.path()))).isEqualTo(-1);
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
