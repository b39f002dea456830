package net.p2pnet.rendezvous.peer;

import static net.p2pnet.rendezvous.support.Problems.assertProblem;
import static net.p2pnet.rendezvous.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.crypto.PeerSignature;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.SharedNode;
import net.p2pnet.rendezvous.support.TestHttp;
import net.p2pnet.rendezvous.support.TestPeer;
import org.junit.jupiter.api.Test;

/**
 * Replays the identity attacks of a member holding the join key (issue 16): taking over another
 * peer's id by registering or heartbeating it, from the same or another address, and replaying a
 * ticket (which every source an agent downloads from used to see) or a captured signed request. The
 * victim keeps its entry and keeps working throughout.
 */
class PeerIdentityAttackTest {

    private final RendezvousNode node = SharedNode.get();

    @Test
    void theJoinKeyAloneCannotRegisterAnotherPeersId() {
        TestPeer victim = TestPeer.registered(node, "victim", 7001);
        TestPeer mallory = new TestPeer();
        // naming the victim's id: the id is derived from the signing key, so it cannot be chosen
        assertProblem(mallory.register(node, new PeerRegistration("mallory", 7002, victim.id(), node.joinKey())), 400,
                "derived from the peer's key");
        // presenting the victim's public key, signed with her own
        String url = node.url("/api/v1/peers");
        String body = TestHttp.toJson(new PeerRegistration("mallory", 7002, null, node.joinKey()));
        String[] headers = mallory.signature("POST", url, body, false);
        replace(headers, PeerSignature.KEY_HEADER, victim.key().publicKey().encode());
        assertProblem(TestHttp.post(url, body, headers), 401, "does not match");
        // the same from another address, as after the victim's entry expired
        HttpResponse<String> fromElsewhere = sendViaProxy(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.65").headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(fromElsewhere, 401, "does not match");

        assertVictimUntouched(victim, 7001);
    }

    @Test
    void aMembersOwnTicketCannotHeartbeatOrRemoveAnotherPeer() {
        TestPeer victim = TestPeer.registered(node, "victim", 7003);
        TestPeer mallory = TestPeer.registered(node, "mallory", 7004);
        String victimUrl = node.url("/api/v1/peers/" + victim.id());
        assertProblem(mallory.put(victimUrl + "/heartbeat", "{\"transferPort\": 9999}"), 401,
                "not to '" + victim.id() + "'");
        assertProblem(mallory.delete(victimUrl), 401, "not to '" + victim.id() + "'");
        assertVictimUntouched(victim, 7003);
    }

    @Test
    void aSeenTicketIsWorthNothingWithoutTheKey() {
        TestPeer victim = TestPeer.registered(node, "victim", 7005);
        TestPeer mallory = TestPeer.registered(node, "mallory", 7006);
        String beat = node.url("/api/v1/peers/" + victim.id() + "/heartbeat");
        String body = "{\"transferPort\": 9999}";
        // the bare ticket, as a hostile source received it
        assertProblem(TestHttp.put(beat, body, TestHttp.bearer(victim.ticket())), 401, "X-P2pnet-Peer-Key");
        // the ticket with mallory's own signature, from another address
        String[] withStolenTicket = mallory.signature("PUT", beat, body, false);
        HttpResponse<String> moved = sendViaProxy(HttpRequest.newBuilder(URI.create(beat))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.66")
                .headers(withStolenTicket).header("Authorization", "Bearer " + victim.ticket())
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(moved, 401, "bound to another key");
        assertVictimUntouched(victim, 7005);
    }

    @Test
    void aCapturedSignedHeartbeatCannotBeReplayed() {
        TestPeer victim = TestPeer.registered(node, "victim", 7007);
        String beat = node.url("/api/v1/peers/" + victim.id() + "/heartbeat");
        String body = "{\"transferPort\": 7007}";
        String[] captured = victim.signature("PUT", beat, body, true);
        assertThat(TestHttp.put(beat, body, captured).statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = sendViaProxy(HttpRequest.newBuilder(URI.create(beat))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.67")
                .headers(captured).PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(replayed, 401, "replayed");
        assertVictimUntouched(victim, 7007);
    }

    /** The victim is still where it registered, still beats, and others still find it. */
    private void assertVictimUntouched(TestPeer victim, int port) {
        String url = node.url("/api/v1/peers/" + victim.id());
        HttpResponse<String> beat = victim.put(url + "/heartbeat", "");
        assertThat(beat.statusCode()).as(beat.body()).isEqualTo(200);
        TestPeer other = TestPeer.registered(node, "bystander", 7100);
        var found = json(other.get(url));
        assertThat(found.get("name").asString()).isEqualTo("victim");
        assertThat(found.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(found.get("port").asInt()).isEqualTo(port);
    }

    private static void replace(String[] headers, String name, String value) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals(name)) {
                headers[i + 1] = value;
            }
        }
    }

    /** From 127.0.0.2, the test node's trusted proxy: X-Forwarded-For then names the sender. */
    private static HttpResponse<String> sendViaProxy(HttpRequest.Builder request) {
        try {
            HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
