package net.p2pnet.agent.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.p2pnet.agent.identity.PeerIdentity;
import net.p2pnet.agent.upstream.PinnedTicketVerifier;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerTicket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * In a private network (the agent has a join key) the transfer port serves only members that prove
 * it: a valid peer ticket, checked by the product verifier against the network's ticket public key,
 * and a signature by the ticket's key answering the agent's challenge. Here the key
 * is pinned by configuration, as an operator can; {@code PrivateNetworkTest} has it announced by a
 * real rendezvous server. Tickets are real Ed25519 tickets made with the network's key.
 */
class PrivateNetworkTransferTest {

    static final NetworkKey KEY = NetworkKey.derive("testnet", "private-transfer-test-secret-4f9d2a7c1e");
    static final NetworkKey OTHER_SECRET = NetworkKey.derive("testnet", "some-other-network-secret-8b3e6d0f5a");
    static final NetworkKey OTHER_NETWORK = NetworkKey.derive("othernet", "private-transfer-test-secret-4f9d2a7c1e");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The key tests present tickets for, as a member would hold it. */
    static final PeerKey TESTER = PeerKey.generate();

    /**
     * The downloader's ticket, bound to its own key, primary over the agent's own provider (the
     * rendezvous credentials), which is empty because these agents register nowhere. Plain class, not
     * @Configuration: component scanning must not add it to every test agent.
     */
    static class MemberTicket {
        @Bean
        @Primary
        PeerTicketProvider peerTicketProvider(PeerIdentity identity) {
            String ticket = PeerTicket.issue(KEY, identity.key().publicKey(), EnumSet.allOf(PeerAudience.class),
                    "downloader", Instant.now(), Duration.ofHours(1)).encode(KEY);
            return () -> Optional.of(ticket);
        }
    }

    @Test
    void onlyMembersProvingTheirKeyAreServedAndAgentsWithTicketsDownload() throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("files/private.bin"), 2L << 20, 21);
        byte[] torrent = SeedFiles.torrent(file, 256 * 1024);
        SharedContent shared = SeedFiles.share(file, torrent);
        String[] member = {"p2pnet.agent.join-key=join-private-transfer",
                "p2pnet.agent.ticket-key=" + KEY.ticketPublicKey().encode()};
        try (TestAgent seed = TestAgent.start(dir.resolve("seed"), member);
             TestAgent downloader = TestAgent.start(dir.resolve("downloader"), new Class<?>[] {MemberTicket.class},
                     member)) {
            assertThat(seed.bean(PeerTicketVerifier.class)).isInstanceOf(PinnedTicketVerifier.class);
            seed.catalog().publish(shared);
            URI info = URI.create(seed.baseUrl() + "/p2p/v1/files/" + shared.infoHash());
            URI whole = URI.create(seed.baseUrl() + "/files/" + shared.infoHash() + "/private.bin");
            URI piece = URI.create(seed.baseUrl() + "/p2p/v1/files/" + shared.infoHash() + "/pieces/0");
            Instant now = Instant.now();

            for (URI uri : List.of(info, whole, piece)) {
                assertRefused(HttpRequest.newBuilder(uri), "answer the challenge");
                assertRefused(withTicket(uri, ticket(KEY, now, Duration.ofHours(1))), "answer the challenge");
                assertProofRefused(uri, "not-a-ticket");
                assertProofRefused(uri, ticket(OTHER_SECRET, now, Duration.ofHours(1)));
                assertProofRefused(uri, ticket(OTHER_NETWORK, now, Duration.ofHours(1)));
                assertProofRefused(uri, ticket(KEY, now.minus(Duration.ofHours(2)), Duration.ofHours(1)));
                assertProofRefused(uri, forgedLongerLife(now));
            }

            // per route: garbage; another secret, another network (its own key: this agent knows the key,
            // not yet the name) and the spliced one; the expired one
            assertThat(refusals(seed, "malformed")).isEqualTo(3);
            assertThat(refusals(seed, "tampered")).isEqualTo(9);
            assertThat(refusals(seed, "expired")).isEqualTo(3);

            HttpResponse<byte[]> served = new MemberClient(ticket(KEY, now, Duration.ofHours(1)), TESTER).get(whole);
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(Files.readAllBytes(file));
            // a ticket that expired a moment ago is still fine: clocks of issuer and verifier differ a little
            assertThat(new MemberClient(ticket(KEY, now.minus(Duration.ofMinutes(61)), Duration.ofHours(1)), TESTER)
                    .get(info).statusCode()).isEqualTo(200);

            DownloadView added = downloader.downloads().addTorrent(torrent, List.of(), List.of(seed.address()));
            DownloadView done = Await.state(downloader.downloads(), added.id(), DownloadState.COMPLETED,
                    Duration.ofMinutes(2));
            assertThat(Files.mismatch(file, Path.of(done.path()))).isEqualTo(-1);
        }
    }

    @Test
    void withAJoinKeyButNoPinnedKeyYetNobodyIsServed() throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("files/early.bin"), 512 * 1024, 22);
        SharedContent shared = SeedFiles.share(file, SeedFiles.torrent(file, 256 * 1024));
        try (TestAgent seed = TestAgent.start(dir.resolve("seed"), "p2pnet.agent.join-key=join-private-transfer")) {
            seed.catalog().publish(shared);
            URI info = URI.create(seed.baseUrl() + "/p2p/v1/files/" + shared.infoHash());
            assertProofRefused(info, ticket(KEY, Instant.now(), Duration.ofHours(1)));
            assertThat(refusals(seed, "no_key")).isEqualTo(1);
        }
    }

    @Test
    void withoutAJoinKeyTheTransferPortStaysOpenToPlainHttpClients() throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("files/open.bin"), 512 * 1024, 23);
        SharedContent shared = SeedFiles.share(file, SeedFiles.torrent(file, 256 * 1024));
        try (TestAgent seed = TestAgent.start(dir.resolve("seed"))) {
            seed.catalog().publish(shared);
            HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(URI.create(seed.baseUrl() + "/files/"
                    + shared.infoHash() + "/open.bin")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(Files.readAllBytes(file));
        }
    }

    private static double refusals(TestAgent agent, String reason) {
        Counter counter = agent.bean(MeterRegistry.class).find("p2pnet.agent.peer.tickets.refused")
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    static void assertRefused(HttpRequest.Builder request, String detail) throws Exception {
        HttpResponse<String> answer = MemberClient.send(request);
        assertThat(answer.statusCode()).as(request.build().uri() + " " + request.build().headers()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(MemberProof.Challenge.parse(challenge)).isPresent());
        assertThat(answer.body()).contains(detail).hasSizeLessThan(1024); // a problem, not the file
    }

    /** A well-made proof (the tester's key, a fresh challenge) that carries {@code token}. */
    private static void assertProofRefused(URI uri, String token) throws Exception {
        Map<String, String> proof = new MemberClient(token, TESTER).proof(uri, MemberClient.challenge(uri));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        proof.forEach(request::header);
        assertRefused(request, "peer proof refused");
    }

    private static HttpRequest.Builder withTicket(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", PeerTicket.authorizationHeader(token));
    }

    /** A member's genuine signature on a payload whose expiry someone pushed back. */
    private static String forgedLongerLife(Instant now) {
        String genuine = ticket(KEY, now.minus(Duration.ofHours(2)), Duration.ofHours(1));
        String longer = ticket(KEY, now.minus(Duration.ofHours(2)), Duration.ofDays(30));
        return longer.split("\\.")[0] + "." + genuine.split("\\.")[1] + "." + genuine.split("\\.")[2];
    }

    /** A ticket of {@code key}'s network for {@link #TESTER}. */
    static String ticket(NetworkKey key, Instant issued, Duration ttl) {
        return PeerTicket.issue(key, TESTER.publicKey(), EnumSet.allOf(PeerAudience.class), "tester", issued, ttl)
                .encode(key);
    }
}
