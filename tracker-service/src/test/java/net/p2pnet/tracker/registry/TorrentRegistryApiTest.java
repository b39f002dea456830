package net.p2pnet.tracker.registry;

import static net.p2pnet.tracker.support.Api.assertProblem;
import static net.p2pnet.tracker.support.Api.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.p2pnet.model.api.TrackedTorrent;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.Api;
import net.p2pnet.tracker.support.OpenTrackerTest;
import net.p2pnet.tracker.support.Torrents;
import net.p2pnet.tracker.support.TrackerHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

@OpenTrackerTest
class TorrentRegistryApiTest {

    private static final String ED2K = "0123456789abcdef0123456789abcdef";

    @LocalServerPort
    private int port;
    @TempDir
    private Path dir;
    private RestClient rest;

    @BeforeEach
    void setUp() {
        rest = Api.rest(port);
    }

    ResponseEntity<String> upload(byte[] torrent, String ed2k) {
        return rest.post().uri("/api/v1/torrents").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(torrent, ed2k)).retrieve().toEntity(String.class);
    }

    @Test
    void registeredTorrentIsListedWithSwarmCountsDownloadableAndDeletable() throws Exception {
        byte[] torrent = Torrents.singleFile(dir, "Holiday Video.mkv", 100_000);
        String hash = Metainfo.read(torrent).infoHash().hex();

        ResponseEntity<TrackedTorrent> created = rest.post().uri("/api/v1/torrents")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form(torrent, ED2K.toUpperCase()))
                .retrieve().toEntity(TrackedTorrent.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/torrents/" + hash);
        assertThat(created.getBody().files().getFirst().ed2k()).isEqualTo(ED2K);

        TrackerHttp.loopback(port).announce(Announce.of(HexFormat.of().parseHex(hash), Announce.id20("registry"), 9000)
                .set("left", "0"));
        List<TrackedTorrent> listed = rest.get().uri("/api/v1/torrents").retrieve()
                .body(new ParameterizedTypeReference<>() { });
        TrackedTorrent mine = listed.stream().filter(t -> t.infoHash().equals(hash)).findFirst().orElseThrow();
        assertThat(mine.name()).isEqualTo("Holiday Video.mkv");
        assertThat(mine.size()).isEqualTo(100_000);
        assertThat(mine.seeders()).isEqualTo(1);
        assertThat(mine.origin()).isEqualTo("api");

        byte[] fetched = rest.get().uri("/api/v1/torrents/{h}/torrent", hash).retrieve().body(byte[].class);
        assertThat(fetched).isEqualTo(torrent);

        // registered without a passkey: nobody's torrent, so only the operator may delete it
        assertProblem(rest.delete().uri("/api/v1/torrents/{h}", hash).retrieve().toEntity(String.class), 403,
                "only the member who registered");
        assertThat(rest.delete().uri("/api/v1/torrents/{h}", hash).header("X-Operator-Token", OpenTrackerTest.OPERATOR_TOKEN)
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> gone = rest.get().uri("/api/v1/torrents/{h}", hash).retrieve().toEntity(String.class);
        assertProblem(gone, 404, "is not registered");
        assertProblem(rest.delete().uri("/api/v1/torrents/{h}", hash).header("X-Operator-Token", OpenTrackerTest.OPERATOR_TOKEN)
                .retrieve().toEntity(String.class), 404, "is not registered");
    }

    @Test
    void rawBodyUploadWorksAndDuplicatesConflict() throws Exception {
        byte[] torrent = Torrents.singleFile(dir, "raw.bin", 5_000);
        ResponseEntity<String> first = rest.post().uri("/api/v1/torrents?ed2k=" + ED2K)
                .contentType(MediaType.parseMediaType("application/x-bittorrent")).body(torrent)
                .retrieve().toEntity(String.class);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertProblem(upload(torrent, null), 409, "is already registered");
    }

    @Test
    void garbageTorrentsAndBadEd2kAreRefusedWithProblemDetails() throws Exception {
        assertProblem(upload("this is not bencode".getBytes(), null), 400, "invalid torrent: malformed torrent");
        assertProblem(upload(Bencode.encode(BDictionary.builder().put("announce", "x").build()), null), 400,
                "invalid torrent");
        byte[] torrent = Torrents.singleFile(dir, "ok.bin", 1000);
        assertProblem(upload(torrent, "xyz"), 400, "ed2k must be 32 hex digits");
        Path multi = dir.resolve("multi");
        Torrents.randomFile(multi, "a.bin", 100);
        Torrents.randomFile(multi, "b.bin", 100);
        byte[] multiTorrent = Torrents.create(multi, "http://127.0.0.1/announce").toBytes();
        assertProblem(upload(multiTorrent, ED2K), 400, "only applies to single-file torrents");
        assertProblem(rest.get().uri("/api/v1/torrents/not-a-hash").retrieve().toEntity(String.class), 400,
                "info-hash must be 40 hex digits");
        ResponseEntity<String> missingPart = rest.post().uri("/api/v1/torrents").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(new LinkedMultiValueMap<>(Map.of("ed2k", List.of(ED2K)))).retrieve().toEntity(String.class);
        assertProblem(missingPart, 400, "torrent");
    }

    @Test
    void shareazaStyleEd2kKeysInTheInfoDictionaryAreRead() throws Exception {
        Metainfo base = Torrents.create(Torrents.randomFile(dir, "embedded.iso", 2000), "http://127.0.0.1/announce");
        BDictionary.Builder info = BDictionary.builder();
        base.info().dictionary().entries().forEach((k, v) -> info.put(k.asUtf8(), v));
        info.put("ed2k", HexFormat.of().parseHex(ED2K));
        byte[] torrent = Bencode.encode(BDictionary.builder().put("info", info.build()).build());
        TrackedTorrent created = rest.post().uri("/api/v1/torrents").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(torrent, null)).retrieve().body(TrackedTorrent.class);
        assertThat(created.files()).singleElement().satisfies(f -> assertThat(f.ed2k()).isEqualTo(ED2K));
    }
}
