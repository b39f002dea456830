package net.p2pnet.agent.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.p2pnet.agent.share.ShareService;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.agent.transfer.MemberClient;
import net.p2pnet.agent.transfer.SharedContent;
import net.p2pnet.model.api.ShareState;
import net.p2pnet.model.api.ShareView;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's passkey is its identity at the private tracker: an agent in a private network never
 * hands it out. The torrents it serves on its transfer port and registers at the tracker announce
 * without it (same info-hash), also torrents that came to it with someone's passkey inside.
 */
class PasskeyLeakTest {

    static final NetworkKey KEY = NetworkKey.derive("testnet", "passkey-leak-test-secret-7c1e4f9d2a");
    static final PeerKey MEMBER = PeerKey.generate();
    static final String PASSKEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @TempDir
    static Path dir;

    static HttpServer tracker;
    static final List<byte[]> registrations = new CopyOnWriteArrayList<>();
    static final List<String> registrationPasskeys = new CopyOnWriteArrayList<>();
    static TestAgent agent;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        tracker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tracker.createContext("/announce", ex -> {
            byte[] body = "d8:intervali60e5:peers0:e".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        tracker.createContext("/api/v1/torrents", ex -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            ex.getRequestBody().transferTo(body);
            registrations.add(body.toByteArray());
            registrationPasskeys.add(String.valueOf(ex.getRequestHeaders().getFirst("X-Passkey")));
            ex.sendResponseHeaders(201, -1);
            ex.close();
        });
        tracker.start();
        agent = TestAgent.start(dir.resolve("agent"), "p2pnet.agent.join-key=join-passkey-test",
                "p2pnet.agent.ticket-key=" + KEY.ticketPublicKey().encode(),
                "p2pnet.agent.tracker-url=http://127.0.0.1:" + tracker.getAddress().getPort() + "/announce");
        // as a rendezvous registration would: this member's ticket and the passkey derived from it
        agent.bean(PeerCredentials.class).update(new PeerCredentials.Credentials("peer-1", ticket(PeerKey.generate()),
                Instant.now().plus(Duration.ofHours(1)), PASSKEY, "127.0.0.1:1"));
    }

    @AfterAll
    static void stop() {
        agent.close();
        tracker.stop(0);
    }

    @Test
    void aSharedFilesTorrentCarriesNoPasskeyOnTheTransferPortNorAtTheTracker() throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("share/report.pdf"), 300_000, 3);
        agent.bean(ShareService.class).add(file.toString());
        Await.until("the file to be shared", Duration.ofSeconds(60), () -> agent.bean(ShareService.class).list()
                .stream().anyMatch(s -> s.state() == ShareState.SHARED));
        ShareView share = agent.bean(ShareService.class).list().getFirst();

        byte[] served = fetchTorrent(share.infoHash());
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain(PASSKEY);
        Metainfo torrent = Metainfo.read(served);
        assertThat(torrent.infoHash().hex()).isEqualTo(share.infoHash());
        assertThat(torrent.announce()).hasValue("http://127.0.0.1:" + tracker.getAddress().getPort() + "/announce");

        Await.until("the torrent to be registered", Duration.ofSeconds(60), () -> !registrations.isEmpty());
        // the registration names the member in the X-Passkey header the tracker asks for, never in the torrent
        assertThat(new String(registrations.getFirst(), StandardCharsets.ISO_8859_1)).doesNotContain(PASSKEY);
        assertThat(registrationPasskeys.getFirst()).isEqualTo(PASSKEY);
    }

    @Test
    void aTorrentThatCameWithAPasskeyIsServedWithoutItAndWithTheSameInfoHash() throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("files/movie.mkv"), 200_000, 4);
        Metainfo withPasskey = TorrentWriter.create(file, TorrentOptions.defaults()
                .withAnnounceTiers(List.of(List.of("http://tracker.example/announce?passkey=" + PASSKEY))));
        SharedContent shared = SeedFiles.share(file, withPasskey.toBytes());
        agent.catalog().publish(shared);

        byte[] served = fetchTorrent(shared.infoHash());
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain(PASSKEY);
        assertThat(Metainfo.read(served).infoHash()).isEqualTo(withPasskey.infoHash());
        assertThat(Metainfo.read(served).announce()).hasValue("http://tracker.example/announce");
    }

    private byte[] fetchTorrent(String infoHash) throws Exception {
        // as another member fetches it: its ticket with a proof for this agent's challenge
        HttpResponse<byte[]> response = new MemberClient(ticket(MEMBER), MEMBER)
                .get(URI.create(agent.baseUrl() + "/p2p/v1/files/" + infoHash + "/torrent"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String ticket(PeerKey peer) {
        return PeerTicket.issue(KEY, peer.publicKey(), EnumSet.allOf(PeerAudience.class), "a member", Instant.now(),
                Duration.ofHours(1)).encode(KEY);
    }
}
