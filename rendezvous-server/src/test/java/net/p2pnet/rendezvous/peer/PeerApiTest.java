package net.p2pnet.rendezvous.peer;

import static net.p2pnet.rendezvous.support.Problems.assertProblem;
import static net.p2pnet.rendezvous.support.TestHttp.bearer;
import static net.p2pnet.rendezvous.support.TestHttp.get;
import static net.p2pnet.rendezvous.support.TestHttp.json;
import static net.p2pnet.rendezvous.support.TestHttp.post;
import static net.p2pnet.rendezvous.support.TestHttp.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.Passkey;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.SharedNode;
import net.p2pnet.rendezvous.support.TestHttp;
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
        JsonNode registered = register("alice", 6881, null);
        String id = registered.get("peerId").asString();
        String ticket = registered.get("ticket").asString();
        PeerTicket verified = PeerTicket.verify(ticket, node.key(), Instant.now());
        assertThat(verified.peerId()).isEqualTo(id);
        assertThat(verified.peerName()).isEqualTo("alice");
        assertThat(Passkey.verify(registered.get("passkey").asString(), node.key(), Instant.now()).peerId()).isEqualTo(id);
        assertThat(registered.get("observed").get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(registered.get("homeServer").asString()).isEqualTo(node.address());

        JsonNode found = json(get(node.url("/api/v1/peers/" + id), bearer(ticket)));
        assertThat(found.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(found.get("port").asInt()).isEqualTo(6881);
        assertThat(found.get("homeServer").asString()).isEqualTo(node.address());
    }

    @Test
    void heartbeatsRenewTheTicketAndUpdateThePortAndLeavingRemovesThePeer() {
        JsonNode registered = register("bob", 6882, "bob-peer-id");
        String ticket = registered.get("ticket").asString();
        HttpResponse<String> beat = put(node.url("/api/v1/peers/bob-peer-id/heartbeat"), "{\"transferPort\": 7000}",
                bearer(ticket));
        assertThat(beat.statusCode()).isEqualTo(200);
        assertThat(PeerTicket.verify(json(beat).get("ticket").asString(), node.key(), Instant.now()).peerId())
                .isEqualTo("bob-peer-id");
        assertThat(json(get(node.url("/api/v1/peers/bob-peer-id"), bearer(ticket))).get("port").asInt()).isEqualTo(7000);

        assertThat(TestHttp.delete(node.url("/api/v1/peers/bob-peer-id"), bearer(ticket)).statusCode()).isEqualTo(204);
        assertProblem(get(node.url("/api/v1/peers/bob-peer-id"), bearer(ticket)), 404, "no live peer 'bob-peer-id'");
        assertProblem(put(node.url("/api/v1/peers/bob-peer-id/heartbeat"), "", bearer(ticket)), 404, "register again");
    }

    @Test
    void neighboursAreOtherLivePeers() {
        String ticket = register("carol", 6883, null).get("ticket").asString();
        String carol = PeerTicket.verify(ticket, node.key(), Instant.now()).peerId();
        register("dave", 6884, null);
        JsonNode neighbours = json(get(node.url("/api/v1/peers?limit=50"), bearer(ticket)));
        assertThat(neighbours.size()).isGreaterThanOrEqualTo(1);
        neighbours.forEach(n -> assertThat(n.get("peerId").asString()).isNotEqualTo(carol));
        assertProblem(get(node.url("/api/v1/peers?limit=0"), bearer(ticket)), 400, "limit must be in 1-200");
        assertProblem(get(node.url("/api/v1/peers?limit=x"), bearer(ticket)), 400, null);
    }

    @Test
    void aWrongOrMissingJoinKeyIsRefusedAndNothingIsStored() {
        assertProblem(post(node.url("/api/v1/peers"), TestHttp.toJson(new PeerRegistration("eve", 1, "eve-1", "wrong"))),
                403, "joinKey is wrong");
        assertProblem(post(node.url("/api/v1/peers"), TestHttp.toJson(new PeerRegistration("eve", 1, "eve-1", null))),
                403, "joinKey is missing");
        String ticket = register("frank", 6885, null).get("ticket").asString();
        assertProblem(get(node.url("/api/v1/peers/eve-1"), bearer(ticket)), 404, null);
    }

    @Test
    void badInputGetsAProblemWithAClearDetail() {
        String join = node.joinKey();
        assertProblem(post(node.url("/api/v1/peers"), "{not json"), 400, "malformed JSON");
        assertProblem(post(node.url("/api/v1/peers"), ""), 400, "request body is empty");
        assertProblem(post(node.url("/api/v1/peers"), TestHttp.toJson(new PeerRegistration("x", 0, null, join))),
                400, "transferPort must be in 1-65535, got 0");
        assertProblem(post(node.url("/api/v1/peers"), TestHttp.toJson(new PeerRegistration("x", 70000, null, join))),
                400, "transferPort must be in 1-65535, got 70000");
        assertProblem(post(node.url("/api/v1/peers"), TestHttp.toJson(new PeerRegistration("x", 1, "bad id!", join))),
                400, "peer id must be");
        assertProblem(post(node.url("/api/v1/peers"), TestHttp.toJson(new PeerRegistration("", 1, null, join))),
                400, "name must be");
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(post(node.url("/api/v1/peers"), huge), 413, "exceeds the limit of 65536 bytes");
        assertProblem(get(node.url("/api/v1/no-such-thing")), 404, null);
    }

    @Test
    void badTicketsAreRefusedWith401() {
        String ticket = register("gina", 6886, "gina-1").get("ticket").asString();
        assertProblem(get(node.url("/api/v1/peers/gina-1")), 401, "Authorization: Bearer");
        assertProblem(get(node.url("/api/v1/peers/gina-1"), bearer("garbage")), 401, "Base64url parts joined by '.'");
        String tampered = ticket.substring(0, 5) + (ticket.charAt(5) == 'A' ? 'B' : 'A') + ticket.substring(6);
        assertProblem(get(node.url("/api/v1/peers/gina-1"), bearer(tampered)), 401, null);
        NetworkKey otherKey = NetworkKey.derive(RendezvousNode.NETWORK, "another-secret-0123456789");
        String otherNetwork = PeerTicket.issue(otherKey, "gina-1", "gina", Instant.now(), Duration.ofHours(1))
                .encode(otherKey);
        assertProblem(get(node.url("/api/v1/peers/gina-1"), bearer(otherNetwork)), 401, "another network secret");
        // A ticket of one peer does not let anyone else beat or leave for another.
        String other = register("hank", 6887, null).get("ticket").asString();
        assertProblem(put(node.url("/api/v1/peers/gina-1/heartbeat"), "", bearer(other)), 401, "not to 'gina-1'");
        assertProblem(TestHttp.delete(node.url("/api/v1/peers/gina-1"), bearer(other)), 401, "not to 'gina-1'");
        assertThat(get(node.url("/api/v1/peers/gina-1"), bearer(ticket)).statusCode()).isEqualTo(200);
    }

    @Test
    void aPeerIdCannotBeTakenFromAnotherAddressWithoutItsTicket() {
        String ticket = register("ivan", 6888, "ivan-1").get("ticket").asString();
        // Same address: a restart of the same agent keeps its id, even with a stale ticket in hand.
        assertThat(post(node.url("/api/v1/peers"), TestHttp.toJson(new PeerRegistration("ivan", 6888, "ivan-1",
                node.joinKey())), bearer("stale-or-garbage.ticket")).statusCode()).isEqualTo(201);
        // From another address (through the trusted proxy) only with the ticket.
        HttpRequest.Builder hijack = HttpRequest.newBuilder(URI.create(node.url("/api/v1/peers")))
                .header("X-Forwarded-For", "198.51.100.7").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestHttp.toJson(new PeerRegistration("mallory", 1, "ivan-1",
                        node.joinKey()))));
        HttpResponse<String> refused = sendRaw(viaProxy(), hijack);
        assertProblem(refused, 409, "registered from another address");
        assertThat(json(get(node.url("/api/v1/peers/ivan-1"), bearer(ticket))).get("name").asString()).isEqualTo("ivan");
        HttpResponse<String> moved = sendRaw(viaProxy(), hijack.header("Authorization", "Bearer " + ticket));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        assertThat(json(get(node.url("/api/v1/peers/ivan-1"), bearer(ticket))).get("address").asString())
                .isEqualTo("198.51.100.7");
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

    private JsonNode register(String name, int port, String peerId) {
        HttpResponse<String> response = post(node.url("/api/v1/peers"),
                TestHttp.toJson(new PeerRegistration(name, port, peerId, node.joinKey())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }
}
