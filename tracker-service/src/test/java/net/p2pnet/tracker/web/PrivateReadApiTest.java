package net.p2pnet.tracker.web;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import net.p2pnet.model.api.TrackedTorrent;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.Api;
import net.p2pnet.tracker.support.PrivateTracker;
import net.p2pnet.tracker.support.RawHttp;
import net.p2pnet.tracker.support.Torrents;
import net.p2pnet.tracker.support.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A private tracker shows nothing without a passkey: not its torrents, not their files, not the live
 * peer addresses of the ed2k localisation, not the status page; and it never hands out a member's
 * passkey inside a torrent.
 */
@PrivateTracker
class PrivateReadApiTest {

    private static final String ED2K = "31d6cfe0d16ae931b73c59d7e0c089c0";

    @LocalServerPort
    private int port;
    @TempDir
    private Path dir;
    private final String alice = PrivateTracker.Members.passkey("alice");
    private final String bob = PrivateTracker.Members.passkey("bob");

    @Test
    void everyReadNeedsAPasskeyAndGetsItsAnswerWithOne() throws Exception {
        RestClient rest = Api.rest(port);
        TrackedTorrent torrent = rest.post().uri("/api/v1/torrents").header("X-Passkey", alice)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(Api.form(Torrents.singleFile(dir, "secret plans.iso", 5000), ED2K))
                .retrieve().body(TrackedTorrent.class);
        TrackerHttp.loopback(port).announce(Announce.of(HexFormat.of().parseHex(torrent.infoHash()), id20("seed"), 9801)
                .set("left", "0").set("passkey", alice));
        List<String> reads = List.of("/", "/api/v1/torrents", "/api/v1/torrents/" + torrent.infoHash(),
                "/api/v1/torrents/" + torrent.infoHash() + "/torrent", "/api/v1/files?q=secret",
                "/api/v1/files/ed2k/" + ED2K);
        for (String path : reads) {
            ResponseEntity<String> refused = rest.get().uri(path).retrieve().toEntity(String.class);
            Api.assertProblem(refused, 401, "this tracker is private");
            assertThat(refused.getBody()).as(path).doesNotContain("secret plans").doesNotContain("127.0.0.1");
            Api.assertProblem(rest.get().uri(path).header("X-Passkey", alice.substring(1)).retrieve()
                    .toEntity(String.class), 401, "invalid passkey");

            ResponseEntity<byte[]> answered = rest.get().uri(path).header("X-Passkey", bob).retrieve().toEntity(byte[].class);
            assertThat(answered.getStatusCode().value()).as(path).isEqualTo(200);
        }
        assertThat(rest.get().uri("/api/v1/files/ed2k/{h}?passkey={p}", ED2K, bob).retrieve().body(String.class))
                .contains("9801");
        assertThat(rest.get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode().value())
                .as("probes need no passkey").isEqualTo(200);
    }

    @Test
    void anUploadWithoutPasskeyIsRefusedBeforeItsBodyIsRead() throws Exception {
        // the replayed attack: 450 MB announced, a few bytes sent; the answer must not wait for the rest
        String head = RawHttp.headOnly(port, "POST", "/api/v1/torrents",
                "Content-Type: application/x-bittorrent\r\nContent-Length: 471859200\r\n", new byte[1024]);
        assertThat(head).startsWith("HTTP/1.1 401").contains("application/problem+json");
        String forged = RawHttp.headOnly(port, "POST", "/api/v1/torrents?passkey=" + bob.substring(2),
                "Content-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n", "400\r\n".getBytes());
        assertThat(forged).startsWith("HTTP/1.1 401");
        // and the tracker serves members as before
        assertThat(Api.rest(port).get().uri("/api/v1/torrents").header("X-Passkey", bob).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void torrentsAreHandedOutWithoutTheSharersPasskey() throws Exception {
        Path content = Torrents.randomFile(dir, "shared.bin", 4000);
        String pathForm = "http://127.0.0.1:6969/a/" + alice + "/announce";
        String queryForm = "udp://127.0.0.1:6969/announce?passkey=" + alice + "&tier=2";
        Metainfo original = TorrentWriter.create(content, TorrentOptions.defaults().withPieceLength(1 << 15)
                .withAnnounceTiers(List.of(List.of(pathForm), List.of(queryForm))));
        RestClient rest = Api.rest(port);
        TrackedTorrent registered = rest.post().uri("/api/v1/torrents").header("X-Passkey", alice)
                .contentType(MediaType.valueOf("application/x-bittorrent")).body(original.toBytes())
                .retrieve().body(TrackedTorrent.class);

        byte[] fetched = rest.get().uri("/api/v1/torrents/{h}/torrent", registered.infoHash()).header("X-Passkey", bob)
                .retrieve().body(byte[].class);
        assertThat(new String(fetched, StandardCharsets.ISO_8859_1)).doesNotContain(alice);
        Metainfo handedOut = Metainfo.read(fetched);
        assertThat(handedOut.infoHash()).isEqualTo(original.infoHash());
        assertThat(handedOut.announceTiers()).containsExactly(List.of("http://127.0.0.1:6969/announce"),
                List.of("udp://127.0.0.1:6969/announce?tier=2"));
    }
}
