package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.HostileHttpServer;
import net.p2pnet.agent.testkit.HostileHttpServer.Mode;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.agent.transfer.SharedContent;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.env.Environment;

/**
 * Sources and link servers that answer with gigabytes (endless bodies, endless chunks, a 4 GB
 * declared length) or redirect into the user's own network: the agent reads at most its cap, drops
 * the connection, refuses the redirect, and keeps downloading from and serving everyone else.
 */
class HostileAnswerTest {

    /** The cap is 16 MiB (a torrent); socket buffers add a few MiB on top of what was read. */
    private static final long MOST_SENT_BEFORE_THE_AGENT_HANGS_UP = 40L << 20;
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    static TestAgent seed;
    static TestAgent agent;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        seed = TestAgent.start(dir.resolve("seed"));
        agent = TestAgent.start(dir.resolve("agent"));
    }

    @AfterAll
    static void stop() {
        TestAgent.closeAll(seed, agent);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ENDLESS_BODY", "ENDLESS_CHUNKED", "HUGE_DECLARED_LENGTH"})
    void aSourceAnsweringWithGigabytesIsCutOffAndTheDownloadCompletesFromAnother(Mode mode) throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("files/" + mode + ".bin"), 3L << 20, mode.ordinal());
        byte[] torrent = SeedFiles.torrent(file, 256 * 1024);
        SharedContent shared = SeedFiles.share(file, torrent);
        seed.catalog().publish(shared);
        try (HostileHttpServer hostile = new HostileHttpServer(mode)) {
            // the hostile source first: the metainfo (torrent) and file info are asked of it before the seed
            String magnet = "magnet:?xt=urn:btih:" + shared.infoHash();
            DownloadView added = agent.downloads().add(new AddDownloadRequest(magnet, List.of(),
                    List.of(hostile.address(), seed.address())));
            DownloadView done = Await.state(agent.downloads(), added.id(), DownloadState.COMPLETED, LIMIT);
            assertThat(Files.mismatch(file, Path.of(done.path()))).isEqualTo(-1);

            List<HostileHttpServer.Exchange> exchanges = hostile.awaitExchanges(1);
            assertThat(exchanges).isNotEmpty().allSatisfy(exchange -> {
                assertThat(exchange.closedByClient()).as("the agent hung up on %s", exchange.requestLine()).isTrue();
                assertThat(exchange.bytesSent()).isLessThan(MOST_SENT_BEFORE_THE_AGENT_HANGS_UP);
            });
        }
        assertAgentStillAnswers();
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ENDLESS_BODY", "ENDLESS_CHUNKED", "HUGE_DECLARED_LENGTH"})
    void aTorrentLinkAnsweringWithGigabytesIsRefusedClearly(Mode mode) throws Exception {
        try (HostileHttpServer hostile = new HostileHttpServer(mode)) {
            String link = "http://" + hostile.address() + "/big.torrent";
            assertThatThrownBy(() -> agent.downloads().add(new AddDownloadRequest(link, List.of(), List.of())))
                    .isInstanceOf(InvalidDownloadException.class).hasMessageContaining("larger than the 16777216 bytes");
            assertThat(hostile.awaitExchanges(1)).singleElement().satisfies(exchange -> {
                assertThat(exchange.closedByClient()).isTrue();
                assertThat(exchange.bytesSent()).isLessThan(MOST_SENT_BEFORE_THE_AGENT_HANGS_UP);
            });
        }
        assertAgentStillAnswers();
    }

    @Test
    void aTorrentLinkRedirectingIntoTheLocalNetworkIsNotFollowed() throws Exception {
        try (ServerSocket canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             HostileHttpServer hostile = new HostileHttpServer(Mode.REDIRECT,
                     "http://127.0.0.1:" + canary.getLocalPort() + "/admin/x.torrent")) {
            AtomicInteger contacted = new AtomicInteger();
            Thread.ofVirtual().start(() -> {
                try {
                    canary.accept().close();
                    contacted.incrementAndGet();
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            String link = "http://" + hostile.address() + "/x.torrent";
            assertThatThrownBy(() -> agent.downloads().add(new AddDownloadRequest(link, List.of(), List.of())))
                    .isInstanceOf(InvalidDownloadException.class)
                    .hasMessageContaining("redirects elsewhere")
                    .hasMessageContaining("p2pnet.agent.allow-private-mirrors");
            assertThat(hostile.awaitExchanges(1)).hasSize(1);
            assertThat(contacted).hasValue(0);
        }
        assertAgentStillAnswers();
    }

    /** Control port (health) and transfer port (a file info) still answer. */
    private static void assertAgentStillAnswers() throws Exception {
        String control = "http://127.0.0.1:" + agent.bean(Environment.class).getProperty("local.server.port");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(control + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> transfer = http.send(HttpRequest.newBuilder(
                URI.create(agent.baseUrl() + "/p2p/v1/files/" + "0".repeat(40))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(transfer.statusCode()).isEqualTo(404);
        assertThat(transfer.body()).contains("serves no file");
    }
}
