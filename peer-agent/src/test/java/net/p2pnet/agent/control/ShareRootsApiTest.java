package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.p2pnet.agent.support.RunningAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/shares/roots}: which directories are shared and from where; only API roots can be removed. */
class ShareRootsApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path data;
    @TempDir
    Path configured;
    @TempDir
    Path added;

    @Test
    void rootsShowTheirOriginAndOnlyApiRootsCanBeRemoved() throws Exception {
        Files.writeString(added.resolve("a.txt"), "added through the API");
        try (RunningAgent agent = RunningAgent.start(data, "p2pnet.agent.shared-dirs=" + configured)) {
            assertThat(agent.postJson("/api/v1/shares", "{\"path\":\"" + added + "\"}").statusCode()).isEqualTo(201);

            JsonNode roots = json.readTree(agent.get("/api/v1/shares/roots").body());
            assertThat(roots).hasSize(2);
            assertThat(roots.get(0).path("path").asString()).isEqualTo(configured.toString());
            assertThat(roots.get(0).path("origin").asString()).isEqualTo("CONFIGURED");
            assertThat(roots.get(1).path("path").asString()).isEqualTo(added.toString());
            assertThat(roots.get(1).path("origin").asString()).isEqualTo("API");

            HttpResponse<String> refused = agent.delete("/api/v1/shares/roots?path=" + encode(configured));
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(refused.body()).path("detail").asString())
                    .contains(configured.toString()).contains("p2pnet.agent.shared-dirs");

            assertThat(agent.delete("/api/v1/shares/roots?path=" + encode(added)).statusCode()).isEqualTo(204);
            JsonNode after = json.readTree(agent.get("/api/v1/shares/roots").body());
            assertThat(after).hasSize(1);
            assertThat(after.get(0).path("origin").asString()).isEqualTo("CONFIGURED");
            assertThat(agent.get("/api/v1/shares").body()).doesNotContain("a.txt");
        }
    }

    @Test
    void removingAnUnknownRootIs404AndChangesNothing() throws Exception {
        try (RunningAgent agent = RunningAgent.start(data, "p2pnet.agent.shared-dirs=" + configured)) {
            HttpResponse<String> unknown = agent.delete("/api/v1/shares/roots?path=" + encode(added));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(json.readTree(unknown.body()).path("detail").asString()).contains("is not a shared root");
            assertThat(agent.delete("/api/v1/shares/roots?path=").statusCode()).isEqualTo(400);
            assertThat(json.readTree(agent.get("/api/v1/shares/roots").body())).hasSize(1);
        }
    }

    private static String encode(Path path) {
        return URLEncoder.encode(path.toString(), StandardCharsets.UTF_8);
    }
}
