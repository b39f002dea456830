package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import tools.jackson.databind.JsonNode;

/**
 * docker-compose.yml as an operator runs it, through Testcontainers' Compose support: every service
 * builds and becomes healthy with fresh secrets, the three agents register with the federation, and
 * the shipped Prometheus finds every scrape target up (agents on their management port). Needs a
 * Docker engine; skipped, saying so, where none is reachable (this project's CI machines have none).
 */
@Tag("interop")
class ComposeNetworkTest {

    private static final Path ROOT = ExternalCommand.repositoryRoot();

    @Test
    void theComposeNetworkComesUpRegistersItsAgentsAndIsScrapedWhole() throws Exception {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine reachable: the compose network cannot be started here");
        Map<String, String> env = Map.of("P2PNET_NETWORK_NAME", "compose-test", "P2PNET_NETWORK_SECRET", random(),
                "P2PNET_NETWORK_JOIN_KEY", random(), "POSTGRES_PASSWORD", random(),
                "GRAFANA_ADMIN_PASSWORD", random(), "P2PNET_AGENT_TOKEN", random());
        try (ComposeContainer compose = new ComposeContainer(new File(ROOT.toFile(), "docker-compose.yml"))
                .withEnv(env).withBuild(true)
                .withStartupTimeout(Duration.ofMinutes(20))) {
            compose.start();
            HttpJson http = new HttpJson();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(http.get("http://127.0.0.1:8700/actuator/health", null).body()).contains("\"UP\"");
                assertThat(http.get("http://127.0.0.1:8700/actuator/prometheus", null).body())
                        .contains("p2pnet_rendezvous_peers");
            });
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode up = http.get("http://127.0.0.1:9090/api/v1/query?query=up", null).json()
                        .path("data").path("result");
                TreeSet<String> healthy = new TreeSet<>();
                for (JsonNode target : up) {
                    if ("1".equals(target.path("value").get(1).asString())) {
                        healthy.add(target.path("metric").path("instance").asString());
                    }
                }
                assertThat(healthy).containsAll(List.of("rendezvous-1:8700", "rendezvous-2:8701", "tracker:6969",
                        "chatroom:8800", "agent-1:9790", "agent-2:9790", "agent-3:9790"));
                String peers = http.get("http://127.0.0.1:9090/api/v1/query?query=sum(p2pnet_rendezvous_peers)", null)
                        .json().path("data").path("result").get(0).path("value").get(1).asString();
                assertThat(Double.parseDouble(peers)).as("agents registered").isGreaterThanOrEqualTo(3);
            });
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
