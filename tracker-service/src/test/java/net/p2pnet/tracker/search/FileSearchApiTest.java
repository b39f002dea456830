package net.p2pnet.tracker.search;

import static net.p2pnet.tracker.support.Api.assertProblem;
import static net.p2pnet.tracker.support.Api.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import net.p2pnet.model.api.Ed2kLocation;
import net.p2pnet.model.api.FileHit;
import net.p2pnet.model.api.PeerSource;
import net.p2pnet.model.api.TrackedTorrent;
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
import org.springframework.web.client.RestClient;

@OpenTrackerTest
class FileSearchApiTest {

    @LocalServerPort
    private int port;
    @TempDir
    private Path dir;
    private RestClient rest;
    /** Unique words per run: the Spring context (and its registry) is shared with other test classes. */
    private final String tag = "w" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);

    @BeforeEach
    void setUp() {
        rest = Api.rest(port);
    }

    private TrackedTorrent register(Path content, String ed2k) throws Exception {
        byte[] torrent = Torrents.create(content, "http://127.0.0.1/announce").toBytes();
        return rest.post().uri("/api/v1/torrents").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(torrent, ed2k)).retrieve().body(TrackedTorrent.class);
    }

    private List<FileHit> search(String query) {
        return rest.get().uri("/api/v1/files?" + query).retrieve().body(new ParameterizedTypeReference<>() { });
    }

    @Test
    void findsFilesByAllWordsCaseInsensitivelyAndBySize() throws Exception {
        register(Torrents.randomFile(dir, tag + " Debian Netinst.iso", 3000), null);
        Path album = dir.resolve(tag + " Album");
        Torrents.randomFile(album, "01 Intro.flac", 1000);
        Torrents.randomFile(album, "02 Debian Song.flac", 2000);
        register(album, null);

        assertThat(search("q=" + tag + "+debian")).extracting(FileHit::path)
                .containsExactlyInAnyOrder(tag + " Debian Netinst.iso", "02 Debian Song.flac");
        assertThat(search("q=" + tag.toUpperCase() + "+INTRO")).singleElement()
                .satisfies(hit -> {
                    assertThat(hit.torrentName()).isEqualTo(tag + " Album");
                    assertThat(hit.size()).isEqualTo(1000);
                });
        assertThat(search("q=" + tag + "&minSize=1500&maxSize=2500")).extracting(FileHit::path)
                .containsExactly("02 Debian Song.flac");
        assertThat(search("q=" + tag + "+nothing")).isEmpty();
    }

    @Test
    void locatesAFileByEd2kWithItsLiveSources() throws Exception {
        byte[] ed2kBytes = new byte[16];
        new SecureRandom().nextBytes(ed2kBytes);
        String ed2k = HexFormat.of().formatHex(ed2kBytes);
        TrackedTorrent torrent = register(Torrents.randomFile(dir, tag + ".bin", 4000), ed2k);
        TrackerHttp.loopback(port).announce(Announce.of(HexFormat.of().parseHex(torrent.infoHash()),
                Announce.id20("source"), 9100).set("left", "0"));

        Ed2kLocation location = rest.get().uri("/api/v1/files/ed2k/{h}", ed2k.toUpperCase()).retrieve()
                .body(Ed2kLocation.class);
        assertThat(location.ed2k()).isEqualTo(ed2k);
        assertThat(location.matches()).singleElement().satisfies(match -> {
            assertThat(match.infoHash()).isEqualTo(torrent.infoHash());
            assertThat(match.size()).isEqualTo(4000);
            assertThat(match.sources()).containsExactly(new PeerSource("127.0.0.1", 9100, true));
        });
    }

    @Test
    void badSearchesGetProblemDetails() {
        assertProblem(rest.get().uri("/api/v1/files").retrieve().toEntity(String.class), 400, "give search words");
        assertProblem(rest.get().uri("/api/v1/files?q=x&minSize=5&maxSize=1").retrieve().toEntity(String.class), 400,
                "size range");
        assertProblem(rest.get().uri("/api/v1/files?q=x&limit=0").retrieve().toEntity(String.class), 400, "limit");
        assertProblem(rest.get().uri("/api/v1/files?q=x&minSize=big").retrieve().toEntity(String.class), 400, "minSize");
        assertProblem(rest.get().uri("/api/v1/files/ed2k/xyz").retrieve().toEntity(String.class), 400, "32 hex digits");
        assertProblem(rest.get().uri("/api/v1/files/ed2k/" + "ab".repeat(16)).retrieve().toEntity(String.class), 404,
                "no registered torrent contains");
    }
}
