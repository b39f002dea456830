package net.p2pnet.tracker.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.OpenTrackerTest;
import net.p2pnet.tracker.support.Torrents;
import net.p2pnet.tracker.support.TrackerHttp;
import net.p2pnet.tracker.udp.UdpTrackerStarter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Standard clients, unchanged, find each other through our tracker: {@code mktorrent} makes the
 * torrent, one {@code aria2c} seeds, a second downloads; the copy is byte-identical and the scrape
 * counts the download once. Over the HTTP tracker and, separately, the UDP tracker (BEP 15).
 */
@Tag("interop")
@OpenTrackerTest
class Aria2ThroughTrackerInteropTest {

    /** aria2c must not send packets off the machine (see REFERENCE-TOOLS.md). */
    private static final List<String> LOOPBACK_ONLY = List.of("--enable-dht6=false",
            "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--file-allocation=none", "--summary-interval=0",
            "--console-log-level=warn");

    @LocalServerPort
    private int port;
    @Autowired
    private UdpTrackerStarter udp;
    @TempDir
    private Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopClients() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aria2cDownloadsFromAnAria2cSeedThroughTheHttpTracker() throws Exception {
        transfer("http://127.0.0.1:" + port + "/announce", false);
    }

    /**
     * aria2c only speaks BEP 15 when its DHT is on. The torrent is made private (BEP 27), which makes
     * aria2c keep DHT out of this download, and the DHT has no entry point and a fresh routing table,
     * so it contacts no one: only the tracker traffic is on UDP, on loopback.
     */
    @Test
    void aria2cDownloadsFromAnAria2cSeedThroughTheUdpTracker() throws Exception {
        transfer("udp://127.0.0.1:" + udp.port() + "/announce", true);
    }

    private void transfer(String announceUrl, boolean udpTracker) throws Exception {
        Path seedDir = dir.resolve("seed");
        Path content = Torrents.randomFile(seedDir, "payload.bin", 3 * 1024 * 1024 + 12345);
        Path torrent = dir.resolve("payload.torrent");
        List<String> mktorrent = new ArrayList<>(List.of("mktorrent", "-l", "18", "-a", announceUrl));
        if (udpTracker) {
            mktorrent.add("-p");
        }
        mktorrent.addAll(List.of("-o", torrent.toString(), content.toString()));
        run(mktorrent);
        byte[] infoHash = Metainfo.read(torrent).infoHash().bytes();

        start("seeder", aria2(seedDir, udpTracker, "-V", "--seed-ratio=0.0", torrent.toString()));
        await().atMost(Duration.ofSeconds(90)).until(() -> scrape(infoHash).integer("complete") == 1);

        Path downloadDir = dir.resolve("download");
        Process downloader = start("downloader", aria2(downloadDir, udpTracker, "--seed-time=0.05", torrent.toString()));
        assertThat(downloader.waitFor(180, TimeUnit.SECONDS)).as("downloader finished").isTrue();
        assertThat(downloader.exitValue()).as("aria2c exit code, log: %s", log("downloader")).isZero();

        assertThat(Files.mismatch(content, downloadDir.resolve("payload.bin"))).isEqualTo(-1L);
        await().atMost(Duration.ofSeconds(30)).until(() -> scrape(infoHash).integer("downloaded") == 1);
    }

    private BDictionary scrape(byte[] infoHash) {
        BDictionary answer = TrackerHttp.loopback(port).get("/scrape?info_hash=" + Announce.encode(infoHash));
        return (BDictionary) answer.dictionary("files").entries().get(BString.of(infoHash));
    }

    private List<String> aria2(Path directory, boolean udpTracker, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("aria2c", "--dir=" + directory, "--listen-port=" + freePort()));
        command.addAll(LOOPBACK_ONLY);
        if (udpTracker) {
            command.addAll(List.of("--enable-dht=true", "--dht-listen-port=" + freePort(),
                    "--dht-file-path=" + directory.resolveSibling(directory.getFileName() + "-dht.dat")));
        } else {
            command.add("--enable-dht=false");
        }
        command.addAll(List.of(args));
        return command;
    }

    private Process start(String name, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    private String log(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".log"));
    }

    private void run(List<String> command) throws Exception {
        Process process = start(command.getFirst(), command);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, log(command.getFirst())).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
