package net.p2pnet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code transmission-cli} 3.00 on a test-bed host: DHT, local peer discovery, peer
 * exchange, µTP and port mapping off (settings.json), plain (unencrypted) connections preferred,
 * bound to the host's address. It downloads or seeds one torrent until closed. libtransmission
 * drops loopback peers, which is why it needs hosts of their own.
 */
final class Transmission implements AutoCloseable {

    static final int PORT = 51413;

    private final Process process;

    private Transmission(Process process) {
        this.process = process;
    }

    static boolean installed() {
        return List.of("transmission-cli", "transmission-create", "transmission-show").stream()
                .allMatch(tool -> Files.isExecutable(Path.of("/usr/bin", tool)));
    }

    /** Makes a private single-file torrent of {@code file} with 1 MiB pieces, as the agents make theirs. */
    static Path createTorrent(Path file, String announce, Path torrent) throws IOException, InterruptedException {
        Files.deleteIfExists(torrent);
        ExternalCommand created = ExternalCommand.run(file.getParent(), Duration.ofSeconds(60), List.of(
                "transmission-create", "-p", "-s", "1024", "-t", announce, "-o", torrent.toString(), file.toString()));
        if (created.exitCode() != 0) {
            throw new IllegalStateException("transmission-create failed: " + created.output());
        }
        return torrent;
    }

    /** The info-hash {@code transmission-show} reports. */
    static String infoHash(Path torrent) throws IOException, InterruptedException {
        ExternalCommand shown = ExternalCommand.run(torrent.getParent(), Duration.ofSeconds(30),
                List.of("transmission-show", torrent.toString()));
        for (String line : shown.output().split("\n")) {
            if (line.strip().startsWith("Hash:")) {
                return line.strip().substring("Hash:".length()).strip();
            }
        }
        throw new IllegalStateException("no hash in transmission-show's output: " + shown.output());
    }

    /** Starts transmission-cli on {@code host} for {@code torrent}, with its data in {@code dataDir}. */
    static Transmission start(TestBedHost host, Path torrent, Path dataDir, Path work) throws IOException {
        Path config = Files.createDirectories(work.resolve("config"));
        Files.writeString(config.resolve("settings.json"), """
                {
                  "dht-enabled": false,
                  "lpd-enabled": false,
                  "pex-enabled": false,
                  "utp-enabled": false,
                  "port-forwarding-enabled": false,
                  "rpc-enabled": false,
                  "encryption": 0,
                  "peer-port": %d,
                  "bind-address-ipv4": "%s",
                  "ratio-limit-enabled": false
                }
                """.formatted(PORT, host.address()));
        List<String> command = new ArrayList<>(host.launcher());
        command.addAll(List.of("transmission-cli", "-g", config.toString(), "-w", dataDir.toString(), "-p",
                String.valueOf(PORT), "-M", "-et", torrent.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("transmission.log").toFile())).start();
        return new Transmission(process);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
