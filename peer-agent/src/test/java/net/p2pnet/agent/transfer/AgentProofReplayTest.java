package net.p2pnet.agent.transfer;

import static net.p2pnet.agent.transfer.PrivateNetworkTransferTest.KEY;
import static net.p2pnet.agent.transfer.PrivateNetworkTransferTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.crypto.Base64Url;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.StatelessNonce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays what a hostile source did with what agents used to send every source (issue 16): the
 * member's proof a downloader gives a source is good for that source only, once; replayed at another
 * agent, with or without that agent's own challenge, it is refused, and the victim keeps downloading.
 * A source that never challenges (an open network, a mirror) gets no ticket at all.
 */
class AgentProofReplayTest {

    private static final String[] MEMBER = {"p2pnet.agent.join-key=join-private-transfer",
            "p2pnet.agent.ticket-key=" + KEY.ticketPublicKey().encode()};

    @TempDir
    Path dir;

    @Test
    void aProofGivenToAHostileSourceIsWorthNothingAtAnotherAgent() throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("files/victim.bin"), 1L << 20, 31);
        byte[] torrent = SeedFiles.torrent(file, 256 * 1024);
        SharedContent shared = SeedFiles.share(file, torrent);
        try (TestAgent seed = TestAgent.start(dir.resolve("seed"), MEMBER);
             TestAgent victim = TestAgent.start(dir.resolve("victim"),
                     new Class<?>[] {PrivateNetworkTransferTest.MemberTicket.class}, MEMBER);
             RecordingSource hostile = new RecordingSource(true)) {
            seed.catalog().publish(shared);
            TransferClient client = victim.bean(TransferClient.class);
            assertThatThrownBy(() -> client.info(hostile.address(), shared.infoHash()));
            Map<String, String> captured = hostile.requests().getLast();
            assertThat(captured).containsKeys("authorization", "x-p2pnet-peer-signature", "x-p2pnet-peer-challenge");

            URI info = URI.create(seed.baseUrl() + "/p2p/v1/files/" + shared.infoHash());
            // the captured proof as it is: the challenge was not issued by the seed
            assertRefused(request(info, captured, null), "not issued here");
            // with the seed's own fresh challenge swapped in: the signature was made for the hostile source
            MemberProof.Challenge seeds = MemberClient.challenge(info);
            assertRefused(request(info, captured, seeds.nonce()), "does not match");
            // the victim's ticket with the thief's own key
            String ticket = captured.get("authorization").substring("Bearer ".length());
            PeerKey thief = PeerKey.generate();
            assertRefused(request(info, new MemberClient(ticket, thief).proof(info, MemberClient.challenge(info)), null),
                    "bound to another key");

            // the victim itself is still served by the seed
            DownloadView added = victim.downloads().addTorrent(torrent, List.of(), List.of(seed.address()));
            DownloadView done = Await.state(victim.downloads(), added.id(), DownloadState.COMPLETED, Duration.ofMinutes(2));
            assertThat(Files.mismatch(file, Path.of(done.path()))).isEqualTo(-1);
        }
    }

    @Test
    void aProofIsGoodOnceAndOnlyForTheAgentThatAsked() throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("files/once.bin"), 256 * 1024, 32);
        SharedContent shared = SeedFiles.share(file, SeedFiles.torrent(file, 256 * 1024));
        try (TestAgent seed = TestAgent.start(dir.resolve("seed"), MEMBER);
             TestAgent other = TestAgent.start(dir.resolve("other"), MEMBER)) {
            seed.catalog().publish(shared);
            other.catalog().publish(shared);
            URI atSeed = URI.create(seed.baseUrl() + "/p2p/v1/files/" + shared.infoHash());
            URI atOther = URI.create(other.baseUrl() + "/p2p/v1/files/" + shared.infoHash());
            MemberClient member = new MemberClient(PrivateNetworkTransferTest.ticket(KEY, Instant.now(),
                    Duration.ofHours(1)), PrivateNetworkTransferTest.TESTER);
            Map<String, String> proof = member.proof(atSeed, MemberClient.challenge(atSeed));
            assertThat(MemberClient.sendBytes(atSeed, proof).statusCode()).isEqualTo(200);
            assertRefused(request(atSeed, proof, null), "already used");
            assertRefused(request(atOther, proof, null), "not issued here");
            assertThat(member.get(atOther).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSourceThatNeverChallengesGetsNoTicket() throws Exception {
        try (TestAgent victim = TestAgent.start(dir.resolve("victim"),
                new Class<?>[] {PrivateNetworkTransferTest.MemberTicket.class}, MEMBER);
             RecordingSource open = new RecordingSource(false)) {
            assertThatThrownBy(() -> victim.bean(TransferClient.class).info(open.address(), "0".repeat(40)));
            assertThat(open.requests()).hasSize(1);
            assertThat(open.requests().getFirst().keySet()).noneMatch(name -> name.startsWith("x-p2pnet-peer")
                    || name.equals("authorization"));
        }
    }

    /** {@code headers} on a GET of {@code uri}, with another challenge nonce if given. */
    private static HttpRequest.Builder request(URI uri, Map<String, String> headers, String nonce) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("authorization") || lower.startsWith("x-p2pnet-peer")) {
                request.header(name, lower.equals(MemberProof.CHALLENGE_HEADER.toLowerCase(Locale.ROOT))
                        && nonce != null ? nonce : value);
            }
        });
        return request;
    }

    /**
     * A hostile "source": answers every request with a challenge of its own (or 404 when it does not
     * challenge), and records the request heads it receives, field names in lower case.
     */
    private static final class RecordingSource implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
        private final Thread thread;

        RecordingSource(boolean challenge) throws Exception {
            thread = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        serve(client, challenge);
                    } catch (Exception e) {
                        // closed, or the client went away
                    }
                }
            });
        }

        private void serve(Socket client, boolean challenge) throws Exception {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                Map<String, String> head = new TreeMap<>();
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    int colon = line.indexOf(':');
                    head.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                requests.add(head);
                String body = "{}";
                String answer = challenge
                        ? "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: " + new MemberProof.Challenge(
                                "HOSTILE-SOURCE", Base64Url.encode(new byte[StatelessNonce.BYTES])).header() + "\r\n"
                        : "HTTP/1.1 404 Not Found\r\n";
                out.write((answer + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
                        + body).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
        }

        List<Map<String, String>> requests() {
            return requests;
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }
}
