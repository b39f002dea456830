package net.p2pnet.agent.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.agent.transfer.ServedContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed's announces report the bytes it served (BEP 3 {@code uploaded}), so a tracker keeping
 * ratios sees them. Any standard tracker will do: this one only records the announces it gets.
 */
class SeedAnnounceUploadedTest {

    @TempDir
    Path dir;

    @Test
    void announcesReportTheBytesServed() throws Exception {
        List<String> queries = new CopyOnWriteArrayList<>();
        HttpServer tracker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tracker.createContext("/announce", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            byte[] body = "d8:intervali1e12:min intervali1e5:peers0:e".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tracker.start();
        Path shared = Files.createDirectories(dir.resolve("shared"));
        SeedFiles.randomFile(shared.resolve("served.bin"), 300_000, 7);
        try (TestAgent seed = TestAgent.start(dir.resolve("seed"), "p2pnet.agent.shared-dirs=" + shared,
                "p2pnet.agent.tracker-url=http://127.0.0.1:" + tracker.getAddress().getPort() + "/announce")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !seed.catalog().all().isEmpty());
            ServedContent content = seed.catalog().all().iterator().next();
            await().atMost(Duration.ofSeconds(30)).until(() -> queries.stream().anyMatch(q -> q.contains("left=0")));
            assertThat(queries).allMatch(q -> q.contains("uploaded=0"));

            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    seed.baseUrl() + "/files/" + content.infoHash() + "/served.bin")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.body()).hasSize(300_000);

            await().atMost(Duration.ofSeconds(30)).until(() -> queries.stream().anyMatch(q -> q.contains("uploaded=300000")));
        } finally {
            tracker.stop(0);
        }
    }
}
