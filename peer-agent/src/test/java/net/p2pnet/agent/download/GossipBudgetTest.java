package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.agent.transfer.SharedContent;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A source whose source exchange answers 20,000 entries, names among them: the downloader keeps at
 * most {@link ServedContent#MAX_KNOWN_SOURCES}, never a name (names are not looked up), and still
 * completes the download from the real seed.
 */
class GossipBudgetTest {

    @TempDir
    Path dir;

    @Test
    void aFloodOfGossipIsCappedAndNamesAreDropped() throws Exception {
        try (TestAgent seed = TestAgent.start(dir.resolve("seed"));
             TestAgent downloader = TestAgent.start(dir.resolve("downloader"))) {
            Path file = SeedFiles.randomFile(dir.resolve("files/gossip.bin"), 2L << 20, 31);
            SharedContent shared = SeedFiles.share(file, SeedFiles.torrent(file, 256 * 1024));
            seed.catalog().publish(shared);
            seed.limits().setUploadLimit(256 * 1024); // the download lasts past the first source exchange
            HttpClient http = HttpClient.newHttpClient();
            byte[] info = http.send(HttpRequest.newBuilder(URI.create(seed.baseUrl() + "/p2p/v1/files/"
                    + shared.infoHash())).build(), HttpResponse.BodyHandlers.ofByteArray()).body();

            List<String> flood = new ArrayList<>();
            flood.add("localhost:7001"); // a name: resolvable here without DNS traffic, and still never used
            for (int i = 0; i < 20_000; i++) {
                flood.add("127." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + ":" + (10_000 + i % 50_000));
            }
            byte[] floodJson = JsonMapper.builder().build().writeValueAsBytes(flood);
            AtomicInteger exchanges = new AtomicInteger();
            HttpServer gossip = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            gossip.createContext("/", ex -> {
                String path = ex.getRequestURI().getPath();
                byte[] body = path.endsWith("/sources") ? floodJson
                        : path.equals("/p2p/v1/files/" + shared.infoHash()) ? info : null;
                if (path.endsWith("/sources")) {
                    exchanges.incrementAndGet();
                }
                ex.getResponseHeaders().add("Content-Type", "application/json");
                if (body == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                }
                ex.close();
            });
            gossip.start();
            try {
                String magnet = "magnet:?xt=urn:btih:" + shared.infoHash();
                DownloadView added = downloader.downloads().add(new AddDownloadRequest(magnet, List.of(),
                        List.of("127.0.0.1:" + gossip.getAddress().getPort(), seed.address())));
                Await.until("a source exchange with the flooding source", Duration.ofSeconds(60),
                        () -> exchanges.get() > 0);
                DownloadView done = Await.state(downloader.downloads(), added.id(), DownloadState.COMPLETED,
                        Duration.ofSeconds(120));
                assertThat(Files.mismatch(file, Path.of(done.path()))).isEqualTo(-1);
            } finally {
                gossip.stop(0);
            }
            String known = http.send(HttpRequest.newBuilder(URI.create(downloader.baseUrl() + "/p2p/v1/files/"
                    + shared.infoHash() + "/sources")).build(), HttpResponse.BodyHandlers.ofString()).body();
            List<?> sources = JsonMapper.builder().build().readValue(known.getBytes(StandardCharsets.UTF_8), List.class);
            assertThat(sources).hasSizeLessThanOrEqualTo(ServedContent.MAX_KNOWN_SOURCES + 2);
            assertThat(known).doesNotContain("localhost");
        }
    }
}
