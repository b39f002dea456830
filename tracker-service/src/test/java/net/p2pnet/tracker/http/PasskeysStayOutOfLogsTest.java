package net.p2pnet.tracker.http;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.Api;
import net.p2pnet.tracker.support.PrivateTracker;
import net.p2pnet.tracker.support.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Passkeys are credentials: none may reach the access log or the service's own log, whether the
 * request was served, refused, or too malformed to parse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.network.name=private-test",
        "p2pnet.network.secret=private-network-secret-0123456789",
        "p2pnet.data-dir=./target/test-data/${random.uuid}",
        "p2pnet.tracker.mode=private",
        "server.tomcat.accesslog.enabled=true",
        "server.tomcat.accesslog.buffered=false",
        "server.tomcat.accesslog.pattern=%h \"%r\" %s %U %q"})
@ExtendWith(OutputCaptureExtension.class)
class PasskeysStayOutOfLogsTest {

    private static final Path ACCESS_LOGS = Path.of("target", "test-data", "access-logs-" + System.nanoTime())
            .toAbsolutePath();

    @DynamicPropertySource
    static void accessLogDirectory(DynamicPropertyRegistry registry) {
        registry.add("server.tomcat.accesslog.directory", ACCESS_LOGS::toString);
    }

    @LocalServerPort
    private int port;

    @Test
    void passkeysInPathsQueriesAndHeadersAreNeverLogged(CapturedOutput output) throws Exception {
        String valid = PrivateTracker.Members.passkey("alice");
        String forged = valid.substring(0, valid.length() - 4) + "AAAA";
        TrackerHttp tracker = TrackerHttp.loopback(port);
        byte[] hash = id20("unregistered-hash");
        tracker.get("/a/" + valid + "/announce?" + Announce.of(hash, id20("p1"), 9901).query());
        tracker.get("/a/" + forged + "/scrape");
        tracker.get("/announce?" + Announce.of(hash, id20("p2"), 9902).set("passkey", forged).query());
        Api.rest(port).get().uri("/api/v1/torrents?passkey={p}", valid).retrieve().toBodilessEntity();
        Api.rest(port).get().uri("/api/v1/torrents?x=1&passkey={p}", forged).retrieve().toEntity(String.class);
        Api.rest(port).get().uri("/api/v1/files?q=x").header("X-Passkey", forged).retrieve().toEntity(String.class);
        // a request line Tomcat cannot parse (Tomcat quotes those in its own log)
        tracker.raw(("/a/" + valid + "/announce?info_hash=\u0001{|}").getBytes(StandardCharsets.ISO_8859_1));

        await().atMost(Duration.ofSeconds(30)).until(() -> accessLog().contains("/api/v1/files"));
        String accessLog = accessLog();
        assertThat(accessLog).contains("/a/-/announce", "/a/-/scrape", "passkey=-", "x=1&passkey=-")
                .doesNotContain(valid).doesNotContain(forged);
        assertThat(output.getAll()).doesNotContain(valid).doesNotContain(forged);
        // still serving
        assertThat(Api.rest(port).get().uri("/api/v1/torrents").header("X-Passkey", valid).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    private static String accessLog() throws IOException {
        if (!Files.isDirectory(ACCESS_LOGS)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(ACCESS_LOGS)) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
