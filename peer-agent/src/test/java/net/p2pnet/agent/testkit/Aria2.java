package net.p2pnet.agent.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * aria2c as a standard BitTorrent client on loopback: DHT, local peer discovery, peer exchange and
 * port mapping off (see ../shared/REFERENCE-TOOLS.md), logging to a file beside the test's data.
 */
public final class Aria2 implements AutoCloseable {

    private static final Path ARIA2C = Path.of("/usr/bin/aria2c");
    private static final List<String> QUIET_NETWORK = List.of("--enable-dht=false", "--enable-dht6=false",
            "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--file-allocation=none",
            "--summary-interval=0", "--console-log-level=warn", "--bt-stop-timeout=0");

    private final Process process;

    private Aria2(Process process) {
        this.process = process;
    }

    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(ARIA2C), "aria2c is not installed (apt-get install aria2)");
    }

    /** Seeds {@code torrent} from {@code dir} (which holds the file) until closed. */
    public static Aria2 seed(Path torrent, Path dir, int listenPort, Path log, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--dir=" + dir, "-V", "--seed-ratio=0.0",
                "--listen-port=" + listenPort));
        args.addAll(List.of(extra));
        args.add(torrent.toString());
        return start(args, log);
    }

    /** Downloads {@code torrentOrMagnet} into {@code dir}; exits when done (after a short seed time). */
    public static Aria2 download(String torrentOrMagnet, Path dir, int listenPort, Path log, String... extra)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("--dir=" + dir, "--seed-time=0", "--listen-port=" + listenPort));
        args.addAll(List.of(extra));
        args.add(torrentOrMagnet);
        return start(args, log);
    }

    private static Aria2 start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ARIA2C.toString());
        command.addAll(QUIET_NETWORK);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Aria2(process);
    }

    /** Waits for the process to end; its exit code (or -1 after the timeout, when it is killed). */
    public int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
