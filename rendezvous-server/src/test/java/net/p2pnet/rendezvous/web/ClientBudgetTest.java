package net.p2pnet.rendezvous.web;

import static net.p2pnet.rendezvous.support.Problems.assertProblem;
import static net.p2pnet.rendezvous.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.TestHttp;
import net.p2pnet.rendezvous.support.TestPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-source budgets of the client API: one address registering peers or looking up members and
 * rooms in a loop is refused with 429, while another address (here behind the trusted proxy
 * 127.0.0.2) is still served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientBudgetTest {

    @TempDir
    static Path root;
    private RendezvousNode node;
    private HttpClient viaProxy;

    @BeforeAll
    void start() throws Exception {
        node = new RendezvousNode("budget", "client-budget-secret-0123456789", root)
                .property("p2pnet.rendezvous.trusted-proxies", "127.0.0.2")
                .property("p2pnet.rendezvous.budget.registrations.burst", "3")
                .property("p2pnet.rendezvous.budget.registrations.refill", "1")
                .property("p2pnet.rendezvous.budget.registrations.period", "1h")
                .property("p2pnet.rendezvous.budget.lookups.burst", "5")
                .property("p2pnet.rendezvous.budget.lookups.refill", "1")
                .property("p2pnet.rendezvous.budget.lookups.period", "1h")
                .start();
        viaProxy = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
    }

    @AfterAll
    void stop() {
        node.stop();
    }

    @Test
    void aRegistrationFloodFromOneAddressIsRefusedWhileAnotherAddressRegisters() throws Exception {
        // 127.0.0.1 is this test's own address: no other test of the class registers from it
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> registered = register("flood" + i);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        }
        HttpResponse<String> refused = register("flood3");
        assertProblem(refused, 429, "too many peer registrations from your address");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                s -> assertThat(Long.parseLong(s)).isPositive());

        HttpResponse<String> elsewhere = registerViaProxy(new TestPeer(), "fair", "198.51.100.7");
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(201);
    }

    @Test
    void lookupsBeyondTheBudgetAreRefusedWhileAnotherAddressLooksUp() throws Exception {
        TestPeer looker = new TestPeer();
        HttpResponse<String> reg = registerViaProxy(looker, "looker", "198.51.100.8");
        assertThat(reg.statusCode()).as(reg.body()).isEqualTo(201);
        String ticket = json(reg).get("ticket").asString();
        String me = json(reg).get("peerId").asString();
        String lookup = "/api/v1/peers/" + me;
        for (int i = 0; i < 5; i++) {
            viaProxy("GET", "/api/v1/rooms", "203.0.113.50", null);
        }
        assertProblem(viaProxy("GET", lookup, "203.0.113.50", null, signedLookup(looker, lookup, ticket)), 429,
                "too many lookups of peers and rooms");
        HttpResponse<String> other = viaProxy("GET", lookup, "203.0.113.51", null, signedLookup(looker, lookup, ticket));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    }

    @Test
    void ipv6SourcesAreBudgetedByTheirSlash64() {
        assertThat(ClientBudget.source("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientBudget.source("2001:db8:1:2::1")).endsWith("/64");
        assertThat(ClientBudget.source("2001:db8:1:3::1")).isNotEqualTo(ClientBudget.source("2001:db8:1:2::1"));
        assertThat(ClientBudget.source("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    private HttpResponse<String> register(String name) {
        return new TestPeer().register(node, new PeerRegistration(name, 6881, null, node.joinKey()));
    }

    /** A registration signed by {@code peer}, sent through the trusted proxy for {@code forwardedFor}. */
    private HttpResponse<String> registerViaProxy(TestPeer peer, String name, String forwardedFor) throws Exception {
        String body = TestHttp.toJson(new PeerRegistration(name, 6881, null, node.joinKey()));
        return viaProxy("POST", "/api/v1/peers", forwardedFor, body,
                peer.signature("POST", node.url("/api/v1/peers"), body, false));
    }

    /** The ticket and a fresh signature of {@code peer} for a GET of {@code path}. */
    private String[] signedLookup(TestPeer peer, String path, String ticket) {
        String[] signature = peer.signature("GET", node.url(path), "", false);
        String[] all = java.util.Arrays.copyOf(signature, signature.length + 2);
        all[signature.length] = "Authorization";
        all[signature.length + 1] = "Bearer " + ticket;
        return all;
    }

    /** A request through the trusted proxy 127.0.0.2 for the client {@code forwardedFor}. */
    private HttpResponse<String> viaProxy(String method, String path, String forwardedFor, String body,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(10))
                .header("X-Forwarded-For", forwardedFor)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return viaProxy.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
