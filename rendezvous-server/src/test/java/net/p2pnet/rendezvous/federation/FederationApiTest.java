package net.p2pnet.rendezvous.federation;

import static net.p2pnet.rendezvous.support.Problems.assertProblem;
import static net.p2pnet.rendezvous.support.TestHttp.get;
import static net.p2pnet.rendezvous.support.TestHttp.json;
import static net.p2pnet.rendezvous.support.TestHttp.post;
import static net.p2pnet.rendezvous.support.TestHttp.signed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.p2pnet.model.crypto.Handshake;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.rendezvous.config.IdentityPrinter;
import net.p2pnet.rendezvous.federation.FederationMessages.Hello;
import net.p2pnet.rendezvous.federation.FederationMessages.ServerList;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.SharedNode;
import net.p2pnet.rendezvous.support.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FederationApiTest {

    private final RendezvousNode node = SharedNode.get();

    @Test
    void selfShowsAddressAndFingerprintButNeverTheSecret() {
        String body = get(node.url("/federation/v1/self")).body();
        JsonNode self = TestHttp.JSON.readTree(body);
        assertThat(self.get("address").asString()).isEqualTo(node.address());
        assertThat(self.get("network").asString()).isEqualTo(RendezvousNode.NETWORK);
        assertThat(self.get("fingerprint").asString()).isEqualTo(node.key().fingerprint());
        assertThat(body).doesNotContain(SharedNode.SECRET);
    }

    @Test
    void printIdentityPrintsTheSameIdentityWithoutStartingAServer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = IdentityPrinter.run(new String[] {"--print-identity", "--p2pnet.network.name=" + RendezvousNode.NETWORK,
                "--p2pnet.network.secret=" + SharedNode.SECRET, "--p2pnet.rendezvous.public-address=rdv.example.org:8701"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(printed).contains("rdv.example.org:8701", node.key().fingerprint(), node.joinKey())
                .doesNotContain(SharedNode.SECRET);
    }

    @Test
    void unsignedReplayedAndForeignSignedRequestsAreRefusedAndCounted() {
        String path = "/federation/v1/servers";
        String body = TestHttp.toJson(new ServerList("127.0.0.1:9", List.of("127.0.0.1:9")));
        assertProblem(post(node.url(path), body), 401, "request is not signed");
        NetworkKey foreign = NetworkKey.derive(RendezvousNode.NETWORK, "a-different-network-secret-42");
        assertProblem(post(node.url(path), body, signed(foreign, KeyPurpose.FEDERATION, "127.0.0.1:9", "POST", path,
                body)), 401, "another network secret");

        String[] headers = signed(node.key(), KeyPurpose.FEDERATION, "127.0.0.1:9", "POST", path, body);
        JsonNode ours = json(post(node.url(path), body, headers));
        assertThat(ours.get("from").asString()).isEqualTo(node.address());
        JsonNode replay = assertProblem(post(node.url(path), body, headers), 401, "replayed");
        assertThat(replay.get("reason").asString()).isEqualTo("REPLAYED");

        assertThat(get(node.url("/actuator/prometheus")).body())
                .containsPattern("p2pnet_federation_auth_failures_total\\{[^}]*reason=\"replayed\"[^}]*} [1-9]")
                .containsPattern("p2pnet_federation_auth_failures_total\\{[^}]*reason=\"tampered\"[^}]*} [1-9]");
    }

    @Test
    void handshakeWithAnotherNetworkNameOrMalformedInputIsRefused() {
        String wrongNetwork = TestHttp.toJson(new Hello("127.0.0.1:9", "othernet", Handshake.newNonce()));
        assertProblem(post(node.url("/federation/v1/hello"), wrongNetwork), 401, "belongs to network 'testnet'");
        String badAddress = TestHttp.toJson(new Hello("no-port", RendezvousNode.NETWORK, Handshake.newNonce()));
        assertProblem(post(node.url("/federation/v1/hello"), badAddress), 400, "initiator must be host:port");
        assertProblem(post(node.url("/federation/v1/hello"), "[1,2"), 400, "malformed JSON");
        assertProblem(post(node.url("/federation/v1/hello"), "{\"x\":\"" + "y".repeat(5000) + "\"}"), 413, null);
        String unknownConfirm = "{\"initiator\":\"127.0.0.1:9\",\"responder\":\"" + node.address()
                + "\",\"initiatorNonce\":\"" + Handshake.newNonce() + "\",\"responderNonce\":\"" + Handshake.newNonce()
                + "\",\"proof\":\"AAAA\"}";
        assertProblem(post(node.url("/federation/v1/hello/confirm"), unknownConfirm), 400, "no valid challenge");
    }

    @Test
    void signedButInvalidDirectoryEntriesAreRefusedWhole() {
        String path = "/federation/v1/sync";
        String body = "{\"from\":\"127.0.0.1:9\",\"peers\":[{\"peerId\":\"ok-1\",\"name\":\"n\",\"address\":\"10.0.0.1\","
                + "\"port\":1,\"homeServer\":\"127.0.0.1:9\",\"lastSeen\":\"2026-01-01T00:00:00Z\",\"version\":1,"
                + "\"removed\":false},{\"peerId\":\"bad id\",\"name\":\"n\",\"address\":\"10.0.0.1\",\"port\":1,"
                + "\"homeServer\":\"127.0.0.1:9\",\"lastSeen\":\"2026-01-01T00:00:00Z\",\"version\":1,\"removed\":false}]}";
        assertProblem(post(node.url(path), body, signed(node.key(), KeyPurpose.FEDERATION, "127.0.0.1:9", "POST", path,
                body)), 400, "peer id 'bad id'");
        String directory = "/federation/v1/directory?kind=peers&limit=5&after=ok-0";
        JsonNode page = json(get(node.url(directory), signed(node.key(), KeyPurpose.FEDERATION, "127.0.0.1:9", "GET",
                directory, "")));
        page.get("peers").forEach(p -> assertThat(p.get("peerId").asString()).isNotEqualTo("ok-1"));
        String badKind = "/federation/v1/directory?kind=cats&limit=5";
        assertProblem(get(node.url(badKind), signed(node.key(), KeyPurpose.FEDERATION, "127.0.0.1:9", "GET", badKind,
                "")), 400, "kind must be 'peers' or 'rooms'");
    }
}
