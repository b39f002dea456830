package net.p2pnet.agent.bittorrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.agent.transfer.SharedContent;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.torrent.InfoDictionary;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's peer wire against aria2c, unchanged: the agent fetches from an aria2c seed, aria2c downloads from the agent. */
@Tag("interop")
class BtAria2InteropTest {

    /** Loopback only: no DHT, no local peer discovery, no peer exchange (REFERENCE-TOOLS.md). */
    private static final List<String> NOP = List.of("--enable-dht=false", "--enable-dht6=false",
            "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--file-allocation=none", "--summary-interval=0",
            "--console-log-level=warn");
    private static final int PIECE = 256 * 1024;

    @TempDir
    static Path dir;
    static TestAgent agent;
    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void start() {
        agent = TestAgent.start(dir.resolve("agent"));
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void agentFetchesMetadataAndEveryPieceFromAnAria2Seed() throws Exception {
        Path seedDir = Files.createDirectories(dir.resolve("aria-seed"));
        Path file = SeedFiles.randomFile(seedDir.resolve("from-aria.bin"), 6L * PIECE + 12345, 77);
        int deadTracker = freePort();
        Metainfo metainfo = TorrentWriter.create(file, TorrentOptions.defaults().withPieceLength(PIECE)
                .withAnnounceTiers(List.of(List.of("http://127.0.0.1:" + deadTracker + "/announce"))));
        Path torrent = Files.write(dir.resolve("from-aria.torrent"), metainfo.toBytes());
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("aria2c", "--dir=" + seedDir, "-V", "--seed-ratio=0.0",
                "--listen-port=" + port));
        command.addAll(NOP);
        command.add(torrent.toString());
        start(command, dir.resolve("aria-seed.log"));
        awaitListening(port);

        String infoHash = metainfo.infoHash().hex();
        BtPeers peers = agent.bean(BtPeers.class);
        InetSocketAddress aria = new InetSocketAddress("127.0.0.1", port);
        // magnet case: the agent has nothing of this torrent yet
        // aria2c listens before its check (-V) is done and may turn early peers away: asked again for a while
        byte[] metadata = await("the metadata from aria2c").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> peers.fetchMetadata(aria, infoHash, Duration.ofSeconds(20)), Objects::nonNull);
        assertThat(metadata).isEqualTo(metainfo.info().dictionary().rawBytes());

        InfoDictionary info = InfoDictionary.of(Bencode.decodeDictionary(metadata));
        BtPeer peer = peers.connect(aria, infoHash);
        assertThat(peer.client()).contains("aria2");
        for (int i = 0; i < info.pieceCount(); i++) {
            byte[] piece = peer.fetchPiece(i, info.pieceSize(i), n -> { });
            assertThat(MessageDigest.getInstance("SHA-1").digest(piece)).as("piece %d", i).isEqualTo(info.pieceHash(i));
        }
    }

    @Test
    void aria2DownloadsFromTheAgentFoundThroughTheTrackerByTorrentAndByMagnet() throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("agent-files/from-agent.bin"), 9L * PIECE + 777, 78);
        int trackerPort = freePort();
        String announce = "http://127.0.0.1:" + trackerPort + "/announce";
        Metainfo metainfo = TorrentWriter.create(file, TorrentOptions.defaults().withPieceLength(PIECE)
                .withAnnounceTiers(List.of(List.of(announce))));
        SharedContent shared = SeedFiles.share(file, metainfo.toBytes());
        agent.catalog().publish(shared);
        startOpentracker(trackerPort, shared.infoHash());
        BtPeers peers = agent.bean(BtPeers.class);
        String query = "?info_hash=" + urlBytes(metainfo.infoHash().bytes()) + "&peer_id=" + urlBytes(peers.peerId())
                + "&port=" + peers.port() + "&uploaded=0&downloaded=0&left=0&event=started&compact=1";
        HttpResponse<String> announced = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(announce + query)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(announced.body()).doesNotContain("failure");

        Path torrent = Files.write(dir.resolve("from-agent.torrent"), metainfo.toBytes());
        Path out = Files.createDirectories(dir.resolve("aria-download"));
        List<String> command = new ArrayList<>(List.of("aria2c", "--dir=" + out, "--seed-time=0",
                "--listen-port=" + freePort(), "--bt-stop-timeout=120"));
        command.addAll(NOP);
        command.add(torrent.toString());
        Process aria = start(command, dir.resolve("aria-download.log"));
        assertThat(aria.waitFor(3, TimeUnit.MINUTES)).as("aria2c finished").isTrue();
        assertThat(aria.exitValue()).as("aria2c exit code, see aria-download.log").isZero();
        assertThat(Files.mismatch(file, out.resolve("from-agent.bin"))).isEqualTo(-1);

        // a magnet link: aria2c needs the agent's ut_metadata (BEP 9) before it can download
        Path magnetOut = Files.createDirectories(dir.resolve("aria-magnet"));
        List<String> magnet = new ArrayList<>(List.of("aria2c", "--dir=" + magnetOut, "--seed-time=0",
                "--listen-port=" + freePort(), "--bt-stop-timeout=120"));
        magnet.addAll(NOP);
        magnet.add("magnet:?xt=urn:btih:" + shared.infoHash() + "&tr=" + URLEncoder.encode(announce, StandardCharsets.UTF_8));
        Process viaMagnet = start(magnet, dir.resolve("aria-magnet.log"));
        assertThat(viaMagnet.waitFor(3, TimeUnit.MINUTES)).as("aria2c (magnet) finished").isTrue();
        assertThat(viaMagnet.exitValue()).as("aria2c exit code, see aria-magnet.log").isZero();
        assertThat(Files.mismatch(file, magnetOut.resolve("from-agent.bin"))).isEqualTo(-1);
    }

    private Process start(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    private void startOpentracker(int port, String infoHash) throws IOException {
        Path trackerDir = Files.createDirectories(dir.resolve("opentracker"));
        Files.writeString(trackerDir.resolve("whitelist"), infoHash + "\n");
        start(List.of("opentracker", "-i", "127.0.0.1", "-p", Integer.toString(port), "-P", Integer.toString(port),
                "-d", trackerDir.toString(), "-w", "whitelist"), dir.resolve("opentracker.log"));
        awaitListening(port);
    }

    private static void awaitListening(int port) {
        await("port " + port + " to listen").atMost(Duration.ofSeconds(30)).until(() -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static String urlBytes(byte[] bytes) {
        return URLEncoder.encode(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
