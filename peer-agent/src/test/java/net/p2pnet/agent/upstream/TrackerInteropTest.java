package net.p2pnet.agent.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import net.p2pnet.agent.download.DownloadService;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the reference tracker (opentracker, whitelist mode): a sharing agent announces itself as
 * a seed, and a second agent that knows only the .torrent finds it through the tracker and
 * downloads the file byte-identical.
 */
@Tag("interop")
class TrackerInteropTest {

    private static final Path OPENTRACKER = Path.of("/usr/bin/opentracker");

    @TempDir
    Path work;
    private Process tracker;

    @AfterEach
    void stopTracker() {
        if (tracker != null) {
            tracker.destroy();
        }
    }

    @Test
    void seedIsFoundThroughTheTrackerAndDownloadedFrom() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OPENTRACKER), "opentracker is not installed");
        Path shared = Files.createDirectories(work.resolve("shared"));
        byte[] content = new byte[3_500_000];
        new Random(42).nextBytes(content);
        Path file = Files.write(shared.resolve("payload.bin"), content);
        Metainfo torrent = TorrentWriter.create(file, TorrentOptions.defaults().withPieceLength(256 * 1024));
        int port = freePort();
        startOpentracker(port, torrent.infoHash().hex());
        String announce = "http://127.0.0.1:" + port + "/announce";

        try (RunningAgent seed = RunningAgent.start(work.resolve("seed"), "p2pnet.agent.shared-dirs=" + shared,
                "p2pnet.agent.tracker-url=" + announce, "p2pnet.agent.share.piece-length=256KB")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> scrapeComplete(port, torrent.infoHash().bytes()) == 1);

            try (RunningAgent leech = RunningAgent.start(work.resolve("leech"), "p2pnet.agent.tracker-url=" + announce)) {
                DownloadService downloads = leech.bean(DownloadService.class);
                DownloadView added = downloads.addTorrent(torrent.toBytes(), java.util.List.of(), java.util.List.of());
                await().atMost(Duration.ofSeconds(90)).until(() -> downloads.get(added.id()).state() == DownloadState.COMPLETED);
                DownloadView done = downloads.get(added.id());
                assertThat(Files.readAllBytes(Path.of(done.path()))).isEqualTo(content);
                assertThat(done.sources()).isNotEmpty();
            }
        }
    }

    private void startOpentracker(int port, String infoHash) throws IOException {
        Path dir = Files.createDirectories(work.resolve("opentracker"));
        Files.writeString(dir.resolve("whitelist"), infoHash + "\n");
        tracker = new ProcessBuilder(OPENTRACKER.toString(), "-i", "127.0.0.1", "-p", Integer.toString(port), "-P",
                Integer.toString(port), "-d", dir.toString(), "-w", "whitelist")
                .redirectErrorStream(true).redirectOutput(work.resolve("opentracker.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return true;
            }
        });
    }

    private static long scrapeComplete(int port, byte[] infoHash) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/scrape?info_hash=" + TrackerClient.percentEncode(infoHash));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        BDictionary files = Bencode.decodeDictionary(response.body()).dictionary("files");
        return files.entries().values().stream().map(BDictionary.class::cast)
                .mapToLong(d -> d.integer("complete")).sum();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
