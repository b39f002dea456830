package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./p2pnet} signals only its own processes and sees every listener in the way of its ports. */
class LauncherSafetyTest {

    private static final Path ROOT = ExternalCommand.repositoryRoot();

    @Test
    void downLeavesAnUnrelatedProcessWhosePidIsInAStalePidFileAlone(@TempDir Path home) throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "300").start();
        try {
            Path run = Files.createDirectories(home.resolve("run"));
            Files.writeString(run.resolve("tracker.pid"), unrelated.pid() + "\n");

            ExternalCommand down = p2pnet(home, "down");

            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThat(unrelated.isAlive()).as("the unrelated process still runs").isTrue();
            assertThat(run.resolve("tracker.pid")).doesNotExist();
        } finally {
            unrelated.destroy();
        }
    }

    /** A raw TCP listener (no HTTP) on the first service's port stops {@code up} before anything starts. */
    @Test
    @Tag("interop")
    void upRefusesAPortTakenByARawTcpListener(@TempDir Path home) throws Exception {
        ServerSocket raw;
        try {
            raw = new ServerSocket(8700, 1, InetAddress.getLoopbackAddress());
        } catch (java.io.IOException inUse) {
            assumeTrue(false, "port 8700 is in use on this machine already");
            return;
        }
        try (raw) {
            ExternalCommand up = p2pnet(home, "up");

            assertThat(up.exitCode()).isNotZero();
            assertThat(up.output()).contains("tcp port 8700 (for rendezvous-1) is already taken");
        }
    }

    private static ExternalCommand p2pnet(Path home, String command) throws Exception {
        return ExternalCommand.run(ROOT, Duration.ofMinutes(10),
                List.of("env", "P2PNET_HOME=" + home, ROOT.resolve("p2pnet").toString(), command));
    }
}
