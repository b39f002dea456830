package net.p2pnet.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web UI is served on the control port and guarded exactly like the API: without the token a
 * caller that is not trusted gets a 401 problem and no page. (Same properties as
 * {@code ControlAccessTest}, so Spring's test context cache starts one agent for both.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.data-dir=./target/test-data/${random.uuid}", "p2pnet.agent.transfer-port=0",
        "p2pnet.agent.control.trust-loopback=false", "p2pnet.agent.control.api-token=correct-horse-battery",
        "p2pnet.agent.control.allowed-addresses=127.0.0.0/8,::1"})
class WebUiAccessTest {

    private static final String TOKEN = "correct-horse-battery";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void pageAndScriptAreRefusedWithoutTheToken() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/app.js", "/app.css"}) {
            HttpResponse<String> refused = get(path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).doesNotContain("<html").doesNotContain("EventSource");
        }
        assertThat(get("/", "wrong-token").statusCode()).isEqualTo(401);
    }

    @Test
    void pageScriptAndStylesAreServedToAnAllowedCaller() throws Exception {
        HttpResponse<String> page = get("/", TOKEN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<script src=\"app.js\" defer></script>").contains("id=\"download-list\"")
                .doesNotContain("http://").doesNotContain("https://"); // nothing loaded from elsewhere

        HttpResponse<String> script = get("/app.js", TOKEN);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("new EventSource('/api/v1/events')");
        assertThat(get("/app.css", TOKEN).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
