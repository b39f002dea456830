package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * DNS rebinding: a page of {@code attacker.example} whose name the attacker points at 127.0.0.1
 * reaches the agent from the browser on the same machine, as a trusted loopback caller, with
 * {@code Host: attacker.example}. Every path refuses such a Host with 421, while loopback names,
 * IP literals and configured names keep working. (Same properties as {@code CrossSiteRequestTest}
 * and {@code RequestLimitsTest}: one agent for the three.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.data-dir=./target/test-data/${random.uuid}", "p2pnet.agent.transfer-port=0",
        "p2pnet.agent.control.allowed-hosts=agent.example,Build-Box"})
class DnsRebindingTest {

    @LocalServerPort
    private int port;

    @Test
    void aForeignHostIsRefusedOnEveryPath() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/app.js", "/api/v1/downloads", "/api/v1/session",
                "/actuator/health", "/actuator/prometheus", "/v3/api-docs", "/login", "/no-such-page"}) {
            RawHttp.Response refused = RawHttp.get(port, path, "attacker.example:" + port);
            assertThat(refused.status()).as(path).isEqualTo(421);
            assertThat(refused.header("Content-Type")).as(path).isEqualTo("application/problem+json");
            assertThat(refused.body()).as(path).contains("'attacker.example:" + port + "' is not a name of this agent")
                    .doesNotContain("<html").doesNotContain("\"state\"");
        }
    }

    @Test
    void aRebindingPageCannotChangeAnythingEither() throws Exception {
        Path dir = Files.createTempDirectory("rebinding-share");
        byte[] json = ("{\"path\":\"" + dir + "\"}").getBytes(StandardCharsets.UTF_8);

        RawHttp.Response refused = RawHttp.exchange(port, "POST /api/v1/shares HTTP/1.1\r\nHost: attacker.example:"
                + port + "\r\nContent-Type: application/json\r\nOrigin: http://attacker.example:" + port, json);

        assertThat(refused.status()).isEqualTo(421);
        assertThat(RawHttp.get(port, "/api/v1/shares/roots", "localhost:" + port).body()).doesNotContain(dir.toString());
    }

    @Test
    void namesThatMerelyContainALoopbackNameAreForeign() throws Exception {
        for (String host : new String[] {"localhost.attacker.example", "127.0.0.1.attacker.example", "2130706433",
                "agent.example.attacker.example", "127.1"}) {
            assertThat(RawHttp.get(port, "/api/v1/downloads", host).status()).as(host).isEqualTo(421);
        }
        // malformed Host headers: Tomcat itself may answer 400 first; either way nothing is served
        for (String host : new String[] {"localhost:80@x", "attacker.example:abc", "[::1", "::1", ""}) {
            assertThat(RawHttp.get(port, "/api/v1/downloads", host).status()).as(host).isIn(400, 421);
        }
    }

    @Test
    void aRequestWithoutHostIsRefused() throws Exception {
        RawHttp.Response refused = RawHttp.exchange(port, "GET /api/v1/downloads HTTP/1.0", new byte[0]);
        assertThat(refused.status()).isEqualTo(421);
        assertThat(refused.body()).contains("no Host header");
    }

    @Test
    void loopbackNamesIpLiteralsAndConfiguredNamesAreServed() throws Exception {
        for (String host : new String[] {"localhost", "localhost:" + port, "LOCALHOST:" + port, "127.0.0.1",
                "127.0.0.1:" + port, "[::1]", "[::1]:" + port, "192.168.1.20:" + port, "[fd00::1]:" + port,
                "agent.example", "agent.example:" + port, "build-box:" + port}) {
            RawHttp.Response served = RawHttp.get(port, "/api/v1/downloads", host);
            assertThat(served.status()).as(host).isEqualTo(200);
            assertThat(served.body()).as(host).startsWith("[");
        }
        assertThat(RawHttp.get(port, "/actuator/health", "localhost:" + port).status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/", "127.0.0.1:" + port).body()).contains("<html");
    }
}
