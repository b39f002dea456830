package net.p2pnet.rendezvous.peer;

import static net.p2pnet.rendezvous.support.Problems.assertProblem;
import static net.p2pnet.rendezvous.support.TestHttp.get;
import static net.p2pnet.rendezvous.support.TestHttp.json;
import static net.p2pnet.rendezvous.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.Passkey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.SharedNode;
import net.p2pnet.rendezvous.support.TestHttp;
import net.p2pnet.rendezvous.support.TestPeer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PeerApiTest {

    private final RendezvousNode node = SharedNode.get();

    @Test
    void whoamiTellsTheCallerItsAddressAndPort() {
        JsonNode me = json(get(node.url("/api/v1/whoami")));
        assertThat(me.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(me.get("port").asInt()).isBetween(1, 65535);
    }

    @Test
    void forwardedForIsIgnoredFromAnUntrustedCallerAndBelievedFromATrustedProxy() {
        JsonNode me = json(get(node.url("/api/v1/whoami"), "X-Forwarded-For", "203.0.113.9"));
        assertThat(me.get("address").asString()).isEqualTo("127.0.0.1");
        // 127.0.0.2 is the configured proxy; the left-most entry was written by the client and is not believed.
        JsonNode proxied = send(viaProxy(), HttpRequest.newBuilder(URI.create(node.url("/api/v1/whoami")))
                .header("X-Forwarded-For", "192.0.2.1, 203.0.113.9").header("X-Forwarded-Port", "40000").GET());
        assertThat(proxied.get("address").asString()).isEqualTo("203.0.113.9");
        assertThat(proxied.get("port").asInt()).isEqualTo(40000);
    }

    @Test
    void aRegisteredPeerGetsAVerifiableTicketAndPasskeyAndCanBeLookedUp() {
        TestPeer alice = TestPeer.registered(node, "alice", 6881);
        JsonNode registered = alice.registration();
        String id = registered.get("peerId").asString();
        assertThat(id).isEqualTo(alice.key().peerId()).matches("[A-Z2-7]{52}");
        PeerTicket verified = PeerTicket.verify(alice.ticket(), node.key(), Instant.now());
        assertThat(verified.peerId()).isEqualTo(id);
        assertThat(verified.publicKey()).isEqualTo(alice.key().publicKey());
        assertThat(verified.peerName()).isEqualTo("alice");
        assertThat(Passkey.verify(registered.get("passkey").asString(), node.key(), Instant.now()).peerId()).isEqualTo(id);
        assertThat(registered.get("observed").get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(registered.get("homeServer").asString()).isEqualTo(node.address());

        JsonNode found = json(alice.get(node.url("/api/v1/peers/" + id)));
        assertThat(found.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(found.get("port").asInt()).isEqualTo(6881);
        assertThat(found.get("homeServer").asString()).isEqualTo(node.address());
    }

    @Test
    void heartbeatsRenewTheTicketAndUpdateThePortAndLeavingRemovesThePeer() {
        TestPeer bob = TestPeer.registered(node, "bob", 6882);
        String id = bob.id();
        HttpResponse<String> beat = bob.put(node.url("/api/v1/peers/" + id + "/heartbeat"), "{\"transferPort\": 7000}");
        assertThat(beat.statusCode()).as(beat.body()).isEqualTo(200);
        assertThat(PeerTicket.verify(json(beat).get("ticket").asString(), node.key(), Instant.now()).peerId())
                .isEqualTo(id);
        assertThat(json(bob.get(node.url("/api/v1/peers/" + id))).get("port").asInt()).isEqualTo(7000);

        assertThat(bob.delete(node.url("/api/v1/peers/" + id)).statusCode()).isEqualTo(204);
        assertProblem(bob.get(node.url("/api/v1/peers/" + id)), 404, "no live peer '" + id + "'");
        assertProblem(bob.put(node.url("/api/v1/peers/" + id + "/heartbeat"), ""), 404, "register again");
    }

    @Test
    void aRestartedPeerKeepsItsIdWithItsKeyFromAnyAddress() {
        TestPeer ivan = TestPeer.registered(node, "ivan", 6888);
        TestPeer restarted = new TestPeer(ivan.key());
        HttpResponse<String> again = restarted.register(node, new PeerRegistration("ivan", 6889, ivan.id(), node.joinKey()));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(restarted.registration().get("peerId").asString()).isEqualTo(ivan.id());
        // from another address (through the trusted proxy) too: the key, not the address, is the identity
        String body = TestHttp.toJson(new PeerRegistration("ivan", 6890, null, node.joinKey()));
        HttpRequest.Builder moved = HttpRequest.newBuilder(URI.create(node.url("/api/v1/peers")))
                .header("X-Forwarded-For", "198.51.100.7").header("Content-Type", "application/json")
                .headers(restarted.signature("POST", node.url("/api/v1/peers"), body, false))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = sendRaw(viaProxy(), moved);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(json(restarted.get(node.url("/api/v1/peers/" + ivan.id()))).get("address").asString())
                .isEqualTo("198.51.100.7");
    }

    @Test
    void neighboursAreOtherLivePeers() {
        TestPeer carol = TestPeer.registered(node, "carol", 6883);
        TestPeer.registered(node, "dave", 6884);
        JsonNode neighbours = json(carol.get(node.url("/api/v1/peers?limit=50")));
        assertThat(neighbours.size()).isGreaterThanOrEqualTo(1);
        neighbours.forEach(n -> assertThat(n.get("peerId").asString()).isNotEqualTo(carol.id()));
        assertProblem(carol.get(node.url("/api/v1/peers?limit=0")), 400, "limit must be in 1-200");
        assertProblem(carol.get(node.url("/api/v1/peers?limit=x")), 400, null);
    }

    @Test
    void aWrongOrMissingJoinKeyIsRefusedAndNothingIsStored() {
        TestPeer eve = new TestPeer();
        assertProblem(eve.register(node, new PeerRegistration("eve", 1, null, "wrong")), 403, "joinKey is wrong");
        assertProblem(eve.register(node, new PeerRegistration("eve", 1, null, null)), 403, "joinKey is missing");
        TestPeer frank = TestPeer.registered(node, "frank", 6885);
        assertProblem(frank.get(node.url("/api/v1/peers/" + eve.id())), 404, null);
    }

    @Test
    void anUnsignedRegistrationIsRefused() {
        assertProblem(post(node.url("/api/v1/peers"), TestHttp.toJson(new PeerRegistration("x", 1, null,
                node.joinKey()))), 401, "X-P2pnet-Peer-Key");
    }

    @Test
    void badInputGetsAProblemWithAClearDetail() {
        String join = node.joinKey();
        TestPeer x = new TestPeer();
        assertProblem(post(node.url("/api/v1/peers"), "{not json", x.signature("POST", node.url("/api/v1/peers"),
                "{not json", false)), 400, "malformed JSON");
        assertProblem(post(node.url("/api/v1/peers"), "", x.signature("POST", node.url("/api/v1/peers"), "", false)),
                400, "request body is empty");
        assertProblem(x.register(node, new PeerRegistration("x", 0, null, join)), 400,
                "transferPort must be in 1-65535, got 0");
        assertProblem(x.register(node, new PeerRegistration("x", 70000, null, join)), 400,
                "transferPort must be in 1-65535, got 70000");
        assertProblem(x.register(node, new PeerRegistration("x", 1, "bad id!", join)), 400,
                "derived from the peer's key");
        assertProblem(x.register(node, new PeerRegistration("", 1, null, join)), 400, "name must be");
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(post(node.url("/api/v1/peers"), huge), 413, "exceeds the limit of 65536 bytes");
        assertProblem(get(node.url("/api/v1/no-such-thing")), 404, null);
    }

    @Test
    void badTicketsAreRefusedWith401() {
        TestPeer gina = TestPeer.registered(node, "gina", 6886);
        String url = node.url("/api/v1/peers/" + gina.id());
        assertProblem(get(url, gina.signature("GET", url, "", false)), 401, "Authorization: Bearer");
        assertProblem(get(url, signedWith(gina, "GET", url, "garbage")), 401, "Base64url parts joined by '.'");
        String ticket = gina.ticket();
        String tampered = ticket.substring(0, 5) + (ticket.charAt(5) == 'A' ? 'B' : 'A') + ticket.substring(6);
        assertProblem(get(url, signedWith(gina, "GET", url, tampered)), 401, null);
        NetworkKey otherKey = NetworkKey.derive(RendezvousNode.NETWORK, "another-secret-0123456789");
        String otherNetwork = PeerTicket.issue(otherKey, gina.key().publicKey(), EnumSet.allOf(PeerAudience.class),
                "gina", Instant.now(), Duration.ofHours(1)).encode(otherKey);
        assertProblem(get(url, signedWith(gina, "GET", url, otherNetwork)), 401, "another network secret");
        // A peer's own valid ticket does not let it beat or leave for another.
        TestPeer hank = TestPeer.registered(node, "hank", 6887);
        assertProblem(hank.put(url + "/heartbeat", ""), 401, "not to '" + gina.id() + "'");
        assertProblem(hank.delete(url), 401, "not to '" + gina.id() + "'");
        assertThat(gina.get(url).statusCode()).isEqualTo(200);
    }

    /** Headers of a request signed by {@code peer} carrying {@code ticket} instead of its own. */
    private static String[] signedWith(TestPeer peer, String method, String url, String ticket) {
        String[] signature = peer.signature(method, url, "", false);
        String[] all = java.util.Arrays.copyOf(signature, signature.length + 2);
        all[signature.length] = "Authorization";
        all[signature.length + 1] = "Bearer " + ticket;
        return all;
    }

    private static HttpClient viaProxy() {
        try {
            return HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode send(HttpClient client, HttpRequest.Builder request) {
        return json(sendRaw(client, request));
    }

    private static HttpResponse<String> sendRaw(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
