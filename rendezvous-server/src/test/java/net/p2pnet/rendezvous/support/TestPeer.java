package net.p2pnet.rendezvous.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerRequestSigner;
import tools.jackson.databind.JsonNode;

/**
 * A peer as an agent is one: its own key (its id derived from it), a ticket once registered, and every
 * request signed with the key, as the rendezvous server demands.
 */
public final class TestPeer {

    private final PeerKey key;
    private final PeerRequestSigner signer;
    private volatile String ticket;
    private volatile JsonNode registration;

    public TestPeer() {
        this(PeerKey.generate());
    }

    public TestPeer(PeerKey key) {
        this.key = key;
        this.signer = new PeerRequestSigner(key, Clock.systemUTC());
    }

    /** Registers with {@code node} and keeps the ticket; fails the test unless 201. */
    public static TestPeer registered(RendezvousNode node, String name, int port) {
        TestPeer peer = new TestPeer();
        HttpResponse<String> response = peer.register(node, new PeerRegistration(name, port, null, node.joinKey()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return peer;
    }

    /** Sends a registration signed with this peer's key; keeps the ticket when accepted. */
    public HttpResponse<String> register(RendezvousNode node, PeerRegistration registration, String... headers) {
        String url = node.url("/api/v1/peers");
        String body = TestHttp.toJson(registration);
        HttpResponse<String> response = TestHttp.post(url, body, concat(signature("POST", url, body, false), headers));
        if (response.statusCode() == 201) {
            registration(TestHttp.json(response));
        }
        return response;
    }

    public HttpResponse<String> get(String url) {
        return TestHttp.get(url, signature("GET", url, "", true));
    }

    public HttpResponse<String> put(String url, String body) {
        HttpResponse<String> response = TestHttp.put(url, body, signature("PUT", url, body, true));
        if (response.statusCode() == 200 && url.endsWith("/heartbeat")) {
            ticket = TestHttp.json(response).get("ticket").asString();
        }
        return response;
    }

    public HttpResponse<String> delete(String url) {
        return TestHttp.delete(url, signature("DELETE", url, "", true));
    }

    /** The headers of a request to {@code url}: signature by this key and, if {@code withTicket}, the ticket. */
    public String[] signature(String method, String url, String body, boolean withTicket) {
        URI uri = URI.create(url);
        String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>(signer.sign(PeerAudience.RENDEZVOUS, method, path,
                body.getBytes(StandardCharsets.UTF_8)).headers());
        if (withTicket && ticket != null) {
            headers.put("Authorization", "Bearer " + ticket);
        }
        return TestHttp.headers(headers);
    }

    private void registration(JsonNode answer) {
        this.registration = answer;
        this.ticket = answer.get("ticket").asString();
    }

    public PeerKey key() {
        return key;
    }

    public String id() {
        return key.peerId();
    }

    public String ticket() {
        return ticket;
    }

    public JsonNode registration() {
        return registration;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
