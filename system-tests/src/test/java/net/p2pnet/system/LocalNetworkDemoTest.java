package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import net.p2pnet.cli.ReferenceTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a new user does first: {@code ./p2pnet demo} starts the whole local network (three federated
 * rendezvous servers, tracker, chatroom, three agents on their default loopback ports) and runs the
 * narrated scenario, exiting 0 only if every step worked; then Debian's Prometheus, with the
 * repository's own scrape configuration pointed at loopback, finds every service up and the key
 * {@code p2pnet_} series; {@code ./p2pnet down} stops everything.
 */
@Tag("interop")
class LocalNetworkDemoTest {

    private static final List<Integer> PORTS = List.of(8700, 8701, 8702, 6969, 8800, 9701, 9702, 9703, 6881, 6882, 6883,
            6891, 6892, 6893);
    private static final Path ROOT = ExternalCommand.repositoryRoot();
    private static Path home;

    @BeforeAll
    static void toolsInstalledAndDefaultPortsFree() throws IOException {
        // ./p2pnet up makes the network's secrets with openssl and checks health with curl
        ReferenceTools.assumeInstalled("openssl", "curl", "prometheus");
        for (int port : PORTS) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                throw new IllegalStateException("port " + port + " is in use: the local network needs its default ports"
                        + " (stop what runs there, e.g. ./p2pnet down)");
            } catch (java.net.ConnectException free) {
                // expected
            }
        }
        home = Files.createTempDirectory("p2pnet-demo-home");
    }

    /** One test: Prometheus scrapes the network the demo started and finds the pieces it verified. */
    @Test
    void demoRunsEveryStepThenPrometheusWithTheShippedConfigScrapesEveryService() throws Exception {
        ExternalCommand demo = p2pnet(Duration.ofMinutes(25), "demo", "--size-mib", "32");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("byte-identical").contains("read agent-2's message with the link")
                .contains("demo: every step succeeded");
        prometheusScrapesEveryServiceOfTheLocalNetwork();
    }

    private void prometheusScrapesEveryServiceOfTheLocalNetwork() throws Exception {
        Path config = Files.createDirectories(home.resolve("prometheus"));
        Files.copy(ROOT.resolve("deploy/prometheus/alerts.yml"), config.resolve("alerts.yml"));
        Files.writeString(config.resolve("prometheus.yml"), loopbackConfig(
                Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"))));
        int port = ServiceProcess.freePort();
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + config.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(config.resolve("prometheus.log").toFile()).start();
        HttpJson http = new HttpJson();
        String api = "http://127.0.0.1:" + port + "/api/v1/query?query=";
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode up = http.get(api + "up", null).json().path("data").path("result");
                TreeSet<String> healthy = new TreeSet<>();
                for (JsonNode target : up) {
                    if ("1".equals(target.path("value").get(1).asString())) {
                        healthy.add(target.path("metric").path("instance").asString());
                    }
                }
                assertThat(healthy).as("targets up").containsExactlyInAnyOrder("127.0.0.1:8700", "127.0.0.1:8701",
                        "127.0.0.1:8702", "127.0.0.1:6969", "127.0.0.1:8800", "127.0.0.1:9701", "127.0.0.1:9702",
                        "127.0.0.1:9703");
            });
            for (String series : List.of("p2pnet_federation_servers", "p2pnet_rendezvous_peers", "p2pnet_rendezvous_rooms",
                    "p2pnet_tracker_announces_total", "p2pnet_tracker_swarms", "p2pnet_chat_rooms",
                    "p2pnet_agent_pieces_verified_total", "p2pnet_agent_bytes_total", "p2pnet_agent_downloads")) {
                JsonNode result = http.get(api + series, null).json().path("data").path("result");
                assertThat(result.size()).as("series %s in Prometheus", series).isPositive();
            }
            everyMetricAndLabelOfTheDashboardAndAlertsIsExported(http, "http://127.0.0.1:" + port);
            JsonNode verified = http.get(api + "sum(p2pnet_agent_pieces_verified_total)", null).json()
                    .path("data").path("result");
            assertThat(Double.parseDouble(verified.get(0).path("value").get(1).asString()))
                    .as("pieces the demo's downloads verified").isPositive();
        } finally {
            prometheus.destroy();
            prometheus.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /**
     * Each metric the Grafana dashboard and the alert rules use is a series some service exports, and
     * each label they group or match by is on one of the expression's metrics (a dashboard grouping by
     * a label the metric does not have draws one unlabelled line, silently).
     */
    private static void everyMetricAndLabelOfTheDashboardAndAlertsIsExported(HttpJson http, String prometheus)
            throws Exception {
        List<MonitoringReferences> references = MonitoringReferences.of(ROOT);
        assertThat(references).isNotEmpty();
        for (MonitoringReferences reference : references) {
            TreeSet<String> labels = new TreeSet<>();
            for (String metric : reference.metrics()) {
                JsonNode series = http.get(prometheus + "/api/v1/series?match[]=" + metric, null).json().path("data");
                assertThat(series.size()).as("%s: metric %s is exported", reference.source(), metric).isPositive();
                for (JsonNode one : series) {
                    one.propertyNames().forEach(labels::add);
                }
            }
            assertThat(labels).as("%s: labels of %s", reference.source(), reference.expression())
                    .containsAll(reference.labels());
        }
    }

    /**
     * The compose service names become loopback addresses; the local network has a third rendezvous
     * server, and its agents, which trust loopback, serve the actuator on their control ports instead of
     * a management port of their own.
     */
    static String loopbackConfig(String composeConfig) {
        List<String> lines = new ArrayList<>();
        for (String line : composeConfig.split("\n")) {
            String loopback = line.replace("scrape_interval: 15s", "scrape_interval: 2s")
                    .replace("\"rendezvous-2:8701\"]", "\"rendezvous-2:8701\", \"rendezvous-3:8702\"]")
                    .replace("\"agent-1:9790\", \"agent-2:9790\", \"agent-3:9790\"",
                            "\"agent-1:9701\", \"agent-2:9702\", \"agent-3:9703\"");
            for (String host : List.of("rendezvous-1", "rendezvous-2", "rendezvous-3", "tracker", "chatroom",
                    "agent-1", "agent-2", "agent-3")) {
                loopback = loopback.replace("\"" + host + ":", "\"127.0.0.1:");
            }
            lines.add(loopback);
        }
        return String.join("\n", lines) + "\n";
    }

    @AfterAll
    static void networkDown() throws Exception {
        if (home != null) {
            ExternalCommand down = p2pnet(Duration.ofMinutes(2), "down");
            assertThat(down.exitCode()).as(down.output()).isZero();
        }
    }

    private static ExternalCommand p2pnet(Duration limit, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "P2PNET_HOME=" + home, ROOT.resolve("p2pnet").toString()));
        command.addAll(List.of(arguments));
        return ExternalCommand.run(ROOT, limit, command);
    }
}
