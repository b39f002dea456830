package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Remote-control rules with loopback not trusted (as for a caller from another machine): only the
 * right API token gets in; a refused request changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.data-dir=./target/test-data/${random.uuid}", "p2pnet.agent.transfer-port=0",
        "p2pnet.agent.control.trust-loopback=false", "p2pnet.agent.control.api-token=correct-horse-battery",
        "p2pnet.agent.control.allowed-addresses=127.0.0.0/8,::1"})
class ControlAccessTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void missingTokenIsRefusedWithProblemDetail() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/shares", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("missing API token");
    }

    @Test
    void wrongTokenIsRefusedAndNothingChanges() throws Exception {
        Path dir = Files.createTempDirectory("refused-share");
        Files.writeString(dir.resolve("a.txt"), "some content");

        HttpResponse<String> refused = send("POST", "/api/v1/shares", "{\"path\":\"" + dir + "\"}", "wrong");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("wrong API token");
        HttpResponse<String> list = send("GET", "/api/v1/shares", null, "correct-horse-battery");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(dir.toString());
    }

    @Test
    void rightTokenIsAccepted() throws Exception {
        assertThat(send("GET", "/api/v1/shares", null, "correct-horse-battery").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health", null, "correct-horse-battery").statusCode()).isEqualTo(200);
    }

    @Test
    void actuatorIsGuardedToo() throws Exception {
        assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
