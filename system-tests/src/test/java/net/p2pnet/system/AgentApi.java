package net.p2pnet.system;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The control API of agents on test-bed hosts, called from this machine with the API token (they
 * are remote callers there): shares, downloads awaited to the end, rooms.
 */
final class AgentApi {

    private final HttpJson http = new HttpJson();
    private final String token;

    AgentApi(String token) {
        this.token = token;
    }

    JsonNode get(TestBedNetwork.Agent agent, String path) throws Exception {
        return checked(agent, path, http.get(agent.url() + path, token));
    }

    JsonNode post(TestBedNetwork.Agent agent, String path, Object body) throws Exception {
        return checked(agent, path, http.post(agent.url() + path, token, body));
    }

    /** Shares {@code file} and waits until it is hashed; answers its share view (links, info-hash). */
    JsonNode awaitShared(TestBedNetwork.Agent agent, Path file) throws Exception {
        String path = file.toAbsolutePath().toString();
        post(agent, "/api/v1/shares", Map.of("path", path));
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode share : get(agent, "/api/v1/shares")) {
                if (path.equals(share.path("path").asString())) {
                    if ("FAILED".equals(share.path("state").asString())) {
                        throw new IllegalStateException(agent.name() + " could not share " + path + ": " + share);
                    }
                    return share;
                }
            }
            return null;
        }, share -> share != null && "SHARED".equals(share.path("state").asString()));
    }

    /** Adds a download of {@code link} and waits until it is complete; answers its view. */
    JsonNode download(TestBedNetwork.Agent agent, String link) throws Exception {
        String id = post(agent, "/api/v1/downloads", Map.of("link", link)).path("id").asString();
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode view = get(agent, "/api/v1/downloads/" + id);
            if ("FAILED".equals(view.path("state").asString())) {
                throw new IllegalStateException(agent.name() + "'s download of " + link + " failed: " + view);
            }
            return view;
        }, view -> "COMPLETED".equals(view.path("state").asString()));
    }

    private static JsonNode checked(TestBedNetwork.Agent agent, String path, HttpJson.Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(agent.name() + " answered " + answer.status() + " to " + path + ": " + answer.body());
        }
        return answer.body().isEmpty() ? null : answer.json();
    }
}
