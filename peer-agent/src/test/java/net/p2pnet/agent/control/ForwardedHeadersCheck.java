package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import net.p2pnet.agent.config.AgentProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Forwarded headers never decide access. On Kubernetes Spring Boot turns forwarded-header handling
 * on by itself, and Tomcat's RemoteIpValve believes {@code X-Forwarded-For} from any private
 * address, so a pod could claim to be 127.0.0.1 and be trusted as loopback. Here only 127.0.0.1
 * counts as this machine ({@link OnlyOneLoopbackAddress}); the client connects from 127.0.0.2
 * (an "internal proxy" to Tomcat, as a pod address is), with no allowed address, and claims
 * 127.0.0.1 every way there is: refused, while 127.0.0.1 itself is served as loopback. Run by
 * {@code ForwardedHeadersOnKubernetesTest} (the agent's own settings) and
 * {@code ForwardedHeadersTurnedOnTest} (forwarding switched on anyway).
 */
abstract class ForwardedHeadersCheck {

    static final String TOKEN = "correct-horse-battery";

    /** The stand-in for a pod network: only 127.0.0.1 is this machine, 127.0.0.2 is "elsewhere". */
    @TestConfiguration(proxyBeanMethods = false)
    static class OnlyOneLoopbackAddress {
        @Bean
        @Primary
        ControlAccessPolicy onlyOneLoopbackAddress(AgentProperties properties) {
            return new ControlAccessPolicy(properties, address -> "127.0.0.1".equals(address.getHostAddress()));
        }
    }

    @LocalServerPort
    private int port;

    @Autowired
    private WebServerApplicationContext context;

    /** Whether Tomcat runs its RemoteIpValve in this setup (the access filter must not care). */
    abstract boolean remoteIpValveExpected();

    @Test
    void forwardingHandlingIsAsConfigured() {
        Valve[] valves = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves();
        assertThat(Arrays.stream(valves).anyMatch(RemoteIpValve.class::isInstance)).isEqualTo(remoteIpValveExpected());
    }

    @Test
    void aClientClaimingAnAllowedAddressInForwardedHeadersIsJudgedByItsSocket() throws Exception {
        HttpClient other = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        assertThat(other.send(request(null, null), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        String[][] claims = {{"X-Forwarded-For", "127.0.0.1"}, {"X-Forwarded-For", "127.0.0.1, 127.0.0.1"},
                {"Forwarded", "for=127.0.0.1"}, {"X-Real-IP", "127.0.0.1"}};
        for (String[] claim : claims) {
            HttpResponse<String> refused = other.send(request(claim[0], claim[1]), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(claim[0]).isEqualTo(401);
            assertThat(refused.body()).as(claim[0]).contains("address 127.0.0.2 is not in");
        }
        HttpResponse<String> all = other.send(HttpRequest.newBuilder(uri())
                .header("X-Forwarded-For", "127.0.0.1").header("Forwarded", "for=127.0.0.1")
                .header("X-Real-IP", "127.0.0.1").header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(all.statusCode()).isEqualTo(401);

        // this machine, whatever it claims to forward for
        HttpResponse<String> allowed = HttpClient.newHttpClient().send(request("X-Forwarded-For", "10.1.2.3"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
    }

    private HttpRequest request(String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri());
        return (header == null ? request : request.header(header, value)).build();
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/downloads");
    }
}
