package net.p2pnet.rendezvous.federation;

import static net.p2pnet.rendezvous.support.TestHttp.get;
import static net.p2pnet.rendezvous.support.TestHttp.json;
import static net.p2pnet.rendezvous.support.TestHttp.post;
import static net.p2pnet.rendezvous.support.TestHttp.put;
import static net.p2pnet.rendezvous.support.TestHttp.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import net.p2pnet.model.api.AnnouncedRoom;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.api.RoomAnnouncement;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.crypto.TicketKeyProof;
import net.p2pnet.model.crypto.TicketPublicKey;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.model.net.ServersFile;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.TestHttp;
import net.p2pnet.rendezvous.support.TestPeer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The federation scenario with real servers on real ports in one JVM: three servers with
 * the same secret, each knowing only the first; a fourth with another secret; one server killed
 * and brought back. The steps build on each other, hence the fixed order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationScenarioTest {

    private static final String SECRET = "federation-scenario-secret-0123456789";

    @TempDir
    static Path root;
    private RendezvousNode a;
    private RendezvousNode b;
    private RendezvousNode c;
    private RendezvousNode d;
    private String peerOnA;
    private TestPeer aliceOnA;

    @BeforeAll
    void startThreeServersEachKnowingOnlyTheFirst() throws Exception {
        a = new RendezvousNode("a", SECRET, root);
        b = new RendezvousNode("b", SECRET, root).knows(a);
        c = new RendezvousNode("c", SECRET, root);
        // C knows A by another name: after the handshake it keeps the name A gives itself.
        Files.writeString(c.serversFile(), a.address().replace("127.0.0.1", "localhost") + "\n");
        a.start();
        b.start();
        c.start();
    }

    @AfterAll
    void stopAll() {
        for (RendezvousNode node : new RendezvousNode[] {a, b, c, d}) {
            if (node != null) {
                node.stop();
            }
        }
    }

    @Test
    @Order(1)
    void allThreeLearnEachOtherAndRewriteTheirServersFiles() {
        List<ServerAddress> all = List.of(address(a), address(b), address(c));
        for (RendezvousNode node : List.of(a, b, c)) {
            eventually().untilAsserted(() -> {
                assertThat(states(node)).containsEntry(node.address(), "SELF")
                        .containsAllEntriesOf(upExcept(node, a, b, c));
                assertThat(ServersFile.read(node.serversFile()).orThrow("SERVERS"))
                        .containsExactlyInAnyOrderElementsOf(all);
            });
        }
        eventually().untilAsserted(() -> assertThat(get(a.url("/actuator/prometheus")).body())
                .containsPattern("p2pnet_federation_servers\\{[^}]*state=\"up\"[^}]*} 2"));
    }

    @Test
    @Order(2)
    void aPeerRegisteredOnAIsFoundThroughC() {
        aliceOnA = TestPeer.registered(a, "alice", 6881);
        peerOnA = aliceOnA.id();
        eventually().untilAsserted(() -> {
            HttpResponse<String> found = aliceOnA.get(c.url("/api/v1/peers/" + peerOnA));
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(json(found).get("homeServer").asString()).isEqualTo(a.address());
            assertThat(json(found).get("port").asInt()).isEqualTo(6881);
        });
        // Neighbours come from the whole network, not only the server asked.
        String onC = register(c, "carol", 6882).get("peerId").asString();
        eventually().untilAsserted(() -> assertThat(StreamSupport.stream(json(aliceOnA.get(b.url("/api/v1/peers?limit=10"))).spliterator(), false).map(p -> p.get("peerId").asString()))
                .contains(onC).doesNotContain(peerOnA));
        eventually().untilAsserted(() -> assertThat(get(b.url("/actuator/prometheus")).body())
                .containsPattern("p2pnet_rendezvous_peers\\{[^}]*home=\"" + a.address().replace(".", "\\.") + "\"[^}]*} 1"));
    }

    @Test
    @Order(4)
    void everyServerSignsTicketsWithTheSameKeyWhichItAnnouncesVouchedForByTheJoinKey() {
        TestPeer bert = TestPeer.registered(b, "bert", 6883);
        JsonNode onB = bert.registration();
        JsonNode onC = register(c, "cleo", 6884);
        JsonNode keyFromB = onB.get("ticketKey");
        JsonNode keyFromC = onC.get("ticketKey");
        assertThat(keyFromB.get("publicKey").asString()).isEqualTo(keyFromC.get("publicKey").asString());
        assertThat(keyFromB.get("network").asString()).isEqualTo(RendezvousNode.NETWORK);

        // what an agent does: check the proof with its join key, then verify tickets with the key alone
        TicketPublicKey pinned = TicketPublicKey.parse(keyFromB.get("publicKey").asString());
        TicketKeyProof.verify(b.joinKey(), RendezvousNode.NETWORK, pinned, keyFromB.get("proof").asString());
        TicketKeyProof.verify(c.joinKey(), RendezvousNode.NETWORK, pinned, keyFromC.get("proof").asString());
        for (JsonNode registered : List.of(onB, onC)) {
            assertThat(PeerTicket.verify(registered.get("ticket").asString(), pinned, RendezvousNode.NETWORK,
                    Instant.now(), Duration.ZERO).peerId()).isEqualTo(registered.get("peerId").asString());
        }
        // a heartbeat renews the ticket under the same key and announces the key again
        HttpResponse<String> beat = bert.put(b.url("/api/v1/peers/" + bert.id() + "/heartbeat"), "");
        assertThat(beat.statusCode()).as(beat.body()).isEqualTo(200);
        assertThat(json(beat).get("ticketKey").get("publicKey").asString()).isEqualTo(pinned.encode());
        PeerTicket.verify(json(beat).get("ticket").asString(), pinned, RendezvousNode.NETWORK, Instant.now(),
                Duration.ZERO);
        // the key is the network's own: another secret gives another key, which verifies none of these tickets
        TicketPublicKey foreign = NetworkKey.derive(RendezvousNode.NETWORK, "a-completely-different-secret-987654")
                .ticketPublicKey();
        assertThat(foreign).isNotEqualTo(pinned);
        assertThatThrownBy(() -> PeerTicket.verify(onB.get("ticket").asString(), foreign, RendezvousNode.NETWORK,
                Instant.now(), Duration.ZERO)).isInstanceOf(VerificationException.class);
    }

    @Test
    @Order(3)
    void aRoomAnnouncedToBIsListedByAWithItsUserCountUpdated() {
        announce(b, new RoomAnnouncement("http://chat.test:8800", List.of(new AnnouncedRoom("lobby", "welcome", 2))));
        eventually().untilAsserted(() -> assertThat(users(a, "lobby")).isEqualTo(2));
        announce(b, new RoomAnnouncement("http://chat.test:8800", List.of(new AnnouncedRoom("lobby", "welcome", 5))));
        eventually().untilAsserted(() -> {
            assertThat(users(a, "lobby")).isEqualTo(5);
            assertThat(users(c, "lobby")).isEqualTo(5);
        });
        JsonNode room = json(get(a.url("/api/v1/rooms/lobby")));
        assertThat(room.get("homeServer").asString()).isEqualTo(b.address());
        assertThat(room.get("hostUrl").asString()).isEqualTo("http://chat.test:8800");
    }

    @Test
    @Order(5)
    void aServerWithAnotherSecretIsRefusedAndLearnsNothing() throws Exception {
        d = new RendezvousNode("d", "a-completely-different-secret-987654", root).knows(a).start();
        eventually().untilAsserted(() -> assertThat(states(d)).containsEntry(a.address(), "REFUSED"));
        assertThat(states(d)).containsOnlyKeys(d.address(), a.address()); // it never got A's server list
        assertThat(json(get(d.url("/api/v1/rooms")))).isEmpty();
        TestPeer dora = TestPeer.registered(d, "dora", 6890);
        JsonNode own = dora.registration();
        assertThat(json(dora.get(d.url("/api/v1/peers?limit=10")))).isEmpty();
        assertThat(states(a)).doesNotContainKey(d.address());
        assertThat(get(a.url("/actuator/prometheus")).body())
                .containsPattern("p2pnet_federation_auth_failures_total\\{[^}]*} [1-9]");
        assertThat(get(d.url("/actuator/prometheus")).body())
                .containsPattern("p2pnet_federation_auth_failures_total\\{[^}]*} [1-9]")
                .containsPattern("p2pnet_federation_servers\\{[^}]*state=\"refused\"[^}]*} 1");
        // D's peer never reaches the real network, and A's tickets mean nothing to D.
        assertThat(aliceOnA.get(a.url("/api/v1/peers/" + own.get("peerId").asString())).statusCode())
                .isEqualTo(404);
        assertThat(aliceOnA.get(d.url("/api/v1/peers/" + peerOnA)).statusCode()).isEqualTo(401);
        d.stop();
    }

    @Test
    @Order(6)
    void aReplayedSignedRequestBetweenServersIsRefused() {
        String path = "/federation/v1/servers";
        String body = "{\"from\":\"" + c.address() + "\",\"servers\":[]}";
        String[] headers = signed(c.key(), KeyPurpose.FEDERATION, c.address(), "POST", path, body);
        assertThat(post(a.url(path), body, headers).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = post(a.url(path), body, headers);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(json(replay).get("detail").asString()).contains("replayed");
    }

    @Test
    @Order(7)
    void aKilledServerIsMarkedUnreachableTheOthersKeepAnsweringAndItIsPickedUpWhenItReturns() {
        String onB = register(b, "bert", 6883).get("peerId").asString();
        eventually().untilAsserted(() -> assertThat(aliceOnA.get(a.url("/api/v1/peers/" + onB)).statusCode())
                .isEqualTo(200));
        b.stop();
        for (RendezvousNode survivor : List.of(a, c)) {
            eventually().untilAsserted(() -> assertThat(states(survivor)).containsEntry(b.address(), "UNREACHABLE"));
            assertThat(users(survivor, "lobby")).isEqualTo(5);
            assertThat(aliceOnA.get(survivor.url("/api/v1/peers/" + onB)).statusCode()).isEqualTo(200);
        }
        JsonNode status = StreamSupport.stream(json(get(a.url("/api/v1/servers"))).spliterator(), false)
                .filter(s -> s.get("address").asString().equals(b.address())).findFirst().orElseThrow();
        assertThat(status.get("unreachableSince").isNull()).isFalse();
        // Changes made while B is away reach it through anti-entropy when it returns.
        String lateComer = register(c, "late", 6884).get("peerId").asString();

        b.start();
        for (RendezvousNode node : List.of(a, b, c)) {
            eventually().untilAsserted(() -> assertThat(states(node)).containsAllEntriesOf(upExcept(node, a, b, c)));
        }
        eventually().untilAsserted(() -> {
            assertThat(aliceOnA.get(b.url("/api/v1/peers/" + lateComer)).statusCode()).isEqualTo(200);
            assertThat(aliceOnA.get(b.url("/api/v1/peers/" + peerOnA)).statusCode()).isEqualTo(200);
            assertThat(users(b, "lobby")).isEqualTo(5); // its own room, restored from its database
        });
    }

    private static ConditionFactory eventually() {
        // Generous: five Spring contexts share two busy cores here; intervals in the nodes are sub-second.
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions();
    }

    private static Map<String, String> states(RendezvousNode node) {
        return StreamSupport.stream(json(get(node.url("/api/v1/servers"))).spliterator(), false)
                .collect(Collectors.toMap(s -> s.get("address").asString(), s -> s.get("state").asString()));
    }

    private static Map<String, String> upExcept(RendezvousNode self, RendezvousNode... nodes) {
        return List.of(nodes).stream().filter(n -> n != self)
                .collect(Collectors.toMap(RendezvousNode::address, n -> "UP"));
    }

    private static ServerAddress address(RendezvousNode node) {
        return ServerAddress.parse(node.address());
    }

    private static JsonNode register(RendezvousNode node, String name, int port) {
        return TestPeer.registered(node, name, port).registration();
    }

    private static void announce(RendezvousNode node, RoomAnnouncement announcement) {
        String body = TestHttp.toJson(announcement);
        String path = "/api/v1/rooms/announce";
        HttpResponse<String> response = post(node.url(path), body,
                signed(node.key(), KeyPurpose.SERVICE_CREDENTIAL, announcement.serviceUrl(), "POST", path, body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private static int users(RendezvousNode node, String room) {
        HttpResponse<String> response = get(node.url("/api/v1/rooms/" + room));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("users").asInt();
    }
}
