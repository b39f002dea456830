package net.p2pnet.agent.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.crypto.VerificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * In a private network the transfer port serves only holders of a valid peer ticket. The tickets are
 * real ones (shared-model's HMAC peer tickets); the verifier stands where CONTROL plugs in the
 * rendezvous-backed one.
 */
class PrivateNetworkTransferTest {

    static final NetworkKey KEY = NetworkKey.derive("testnet", "private-transfer-test-secret-4f9d2a7c1e");
    static final NetworkKey OTHER = NetworkKey.derive("testnet", "some-other-network-secret-8b3e6d0f5a");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Plain class, not @Configuration: component scanning must not add it to every test agent. */
    static class PrivateNetwork {
        @Bean
        PeerTicketVerifier peerTicketVerifier() {
            return token -> {
                try {
                    PeerTicket.verify(token, KEY, Instant.now());
                    return true;
                } catch (VerificationException e) {
                    return false;
                }
            };
        }

        /** Primary over the agent's own provider (the rendezvous credentials), which has no ticket here. */
        @Bean
        @Primary
        PeerTicketProvider peerTicketProvider() {
            return () -> Optional.of(ticket(KEY));
        }
    }

    @Test
    void onlyTicketHoldersAreServedAndAgentsWithTicketsDownload() throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("files/private.bin"), 2L << 20, 21);
        byte[] torrent = SeedFiles.torrent(file, 256 * 1024);
        SharedContent shared = SeedFiles.share(file, torrent);
        Class<?>[] privateNetwork = {PrivateNetwork.class};
        try (TestAgent seed = TestAgent.start(dir.resolve("seed"), privateNetwork);
             TestAgent downloader = TestAgent.start(dir.resolve("downloader"), privateNetwork)) {
            seed.catalog().publish(shared);
            URI info = URI.create(seed.baseUrl() + "/p2p/v1/files/" + shared.infoHash());

            assertThat(status(HttpRequest.newBuilder(info).build())).isEqualTo(401);
            assertThat(status(HttpRequest.newBuilder(info).header("Authorization", "Bearer " + ticket(OTHER)).build()))
                    .isEqualTo(401);
            assertThat(status(HttpRequest.newBuilder(info).header("Authorization", "Bearer not-a-ticket").build()))
                    .isEqualTo(401);
            assertThat(status(HttpRequest.newBuilder(URI.create(seed.baseUrl() + "/files/" + shared.infoHash()
                    + "/private.bin")).build())).isEqualTo(401);
            assertThat(status(HttpRequest.newBuilder(info).header("Authorization", "Bearer " + ticket(KEY)).build()))
                    .isEqualTo(200);

            DownloadView added = downloader.downloads().addTorrent(torrent, List.of(), List.of(seed.address()));
            DownloadView done = Await.state(downloader.downloads(), added.id(), DownloadState.COMPLETED,
                    Duration.ofMinutes(2));
            assertThat(Files.mismatch(file, Path.of(done.path()))).isEqualTo(-1);
        }
    }

    private int status(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String ticket(NetworkKey key) {
        return PeerTicket.issue(key, "peer-1", "tester", Instant.now(), Duration.ofHours(1)).encode(key);
    }
}
