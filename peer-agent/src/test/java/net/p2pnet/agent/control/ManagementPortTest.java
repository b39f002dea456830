package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With a management port (as compose and Kubernetes configure it), health probes and Prometheus get
 * their answers without a token, while the control port still refuses callers without one, and the
 * management port serves nothing but the exposed actuator endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.data-dir=./target/test-data/${random.uuid}", "p2pnet.agent.transfer-port=0",
        "management.server.port=0",
        "p2pnet.agent.control.trust-loopback=false", "p2pnet.agent.control.api-token=correct-horse-battery",
        "p2pnet.agent.control.allowed-addresses=127.0.0.0/8,::1"})
class ManagementPortTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int controlPort;

    @LocalManagementPort
    private int managementPort;

    @Test
    void prometheusAndHealthAnswerWithoutCredentialsOnTheManagementPort() throws Exception {
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"peer-agent\"");

        assertThat(get(managementPort, "/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void infoGivesTheBuildVersion() throws Exception {
        HttpResponse<String> info = get(managementPort, "/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"build\"").contains("\"artifact\":\"peer-agent\"").contains("\"version\":\"");
    }

    @Test
    void theControlPortStillRefusesCallersWithoutAToken() throws Exception {
        assertThat(get(controlPort, "/api/v1/shares").statusCode()).isEqualTo(401);
        assertThat(get(controlPort, "/actuator/prometheus").statusCode()).isIn(401, 404);
    }

    @Test
    void theManagementPortServesNothingElse() throws Exception {
        for (String path : new String[] {"/api/v1/shares", "/api/v1/status", "/", "/index.html", "/v3/api-docs",
                "/swagger-ui.html", "/actuator/env", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/loggers"}) {
            assertThat(get(managementPort, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
