package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.bencode.Bencode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear error, and leaves no download, record or file behind. */
class DownloadInputTest {

    @TempDir
    static Path dir;

    static TestAgent agent;

    @BeforeAll
    static void start() {
        agent = TestAgent.start(dir.resolve("agent"));
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @AfterEach
    void nothingWasKept() throws Exception {
        assertThat(agent.downloads().list()).isEmpty();
        Path work = agent.downloadDir().resolve(".p2pnet-incomplete");
        if (Files.isDirectory(work)) {
            try (Stream<Path> files = Files.list(work)) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void malformedLinksAreRefusedWithTheReason() {
        assertInvalid(null, "a link is required");
        assertInvalid("   ", "a link is required");
        assertInvalid("ftp://example.org/file.torrent", "unsupported link");
        assertInvalid("magnet:?xt=urn:btih:nothex", "malformed link");
        assertInvalid("magnet:?dn=no-hash", "malformed link");
        assertInvalid("ed2k://|file|name.bin|notasize|31d6cfe0d16ae931b73c59d7e0c089c0|/", "malformed link");
        assertInvalid("ed2k://|file|name.bin|10|tooshort|/", "malformed link");
        assertInvalid("ed2k://|file|..|10|31d6cfe0d16ae931b73c59d7e0c089c0|/", "malformed link");
        assertInvalid("http://127.0.0.1:1/x.torrent", "cannot fetch the torrent");
        assertInvalid("http://exa mple.org/x.torrent", "not a valid URL");
        assertInvalid("http://" + agent.address() + "/p2p/v1/files/" + "0".repeat(40) + "/torrent", "HTTP 404");
    }

    @Test
    void badMirrorsAndSourcesAreRefused() {
        String magnet = "magnet:?xt=urn:btih:" + "ab".repeat(20);
        assertThatThrownBy(() -> agent.downloads().add(new AddDownloadRequest(magnet, List.of("file:///etc/passwd"), List.of())))
                .isInstanceOf(InvalidDownloadException.class).hasMessageContaining("is not an http(s) URL");
        assertThatThrownBy(() -> agent.downloads().add(new AddDownloadRequest(magnet, List.of(), List.of("no-port"))))
                .isInstanceOf(InvalidDownloadException.class).hasMessageContaining("has no port");
    }

    @Test
    void mirrorsAndWebSeedsInTheLocalNetworkAreRefusedUnlessAllowed() {
        String magnet = "magnet:?xt=urn:btih:" + "ab".repeat(20);
        for (String mirror : List.of("http://169.254.169.254/latest/", "http://127.0.0.1:9700/api/v1/", "http://[::1]/x",
                "http://10.1.2.3/x", "http://192.168.1.1/x", "http://localhost/x", "http://224.0.0.1/x")) {
            assertThatThrownBy(() -> agent.downloads().add(new AddDownloadRequest(magnet, List.of(mirror), List.of())))
                    .as(mirror).isInstanceOf(InvalidDownloadException.class)
                    .hasMessageContaining("local or private address").hasMessageContaining("allow-private-mirrors");
        }
        String withWebSeed = magnet + "&ws=" + "http%3A%2F%2F169.254.169.254%2Fx";
        assertThatThrownBy(() -> agent.downloads().add(new AddDownloadRequest(withWebSeed, List.of(), List.of())))
                .isInstanceOf(InvalidDownloadException.class).hasMessageContaining("169.254.169.254");
    }

    @Test
    void unusableAndHostileTorrentsAreRefused() {
        assertTorrentInvalid(new byte[0], "empty");
        assertTorrentInvalid("this is not bencode".getBytes(), "not a usable .torrent");
        assertTorrentInvalid(Bencode.encode(BDictionary.builder().put("announce", "http://t/").build()),
                "not a usable .torrent");
        assertTorrentInvalid(singleFile("../../escape.bin"), "not a usable .torrent");
        assertTorrentInvalid(singleFile("dir/escape.bin"), "not a usable .torrent");
        BDictionary file = BDictionary.builder().put("length", 100)
                .put("path", BList.of(BString.of(".."), BString.of("etc"), BString.of("passwd"))).build();
        BDictionary info = BDictionary.builder().put("name", "top").put("piece length", 16384)
                .put("pieces", new byte[20]).put("files", BList.of(file)).build();
        assertTorrentInvalid(Bencode.encode(BDictionary.builder().put("info", info).build()), "not a usable .torrent");
    }

    @Test
    void aPieceLengthBeyond64MiBIsRefused() {
        // every worker holds a piece-sized buffer: 2^31-1 would be 2 GiB each
        for (int pieceLength : new int[] {Integer.MAX_VALUE, (64 << 20) + 1}) {
            BDictionary info = BDictionary.builder().put("name", "huge.bin").put("piece length", pieceLength)
                    .put("pieces", new byte[20]).put("length", 100).build();
            assertTorrentInvalid(Bencode.encode(BDictionary.builder().put("info", info).build()), "piece length");
        }
    }

    @Test
    void unknownIdsAreReportedClearly() {
        for (Runnable call : List.<Runnable>of(() -> agent.downloads().get("nope"), () -> agent.downloads().pause("nope"),
                () -> agent.downloads().resume("nope"), () -> agent.downloads().cancel("nope"),
                () -> agent.downloads().pieceMap("nope"), () -> agent.downloads().get(null))) {
            assertThatThrownBy(call::run).isInstanceOf(UnknownDownloadException.class)
                    .hasMessageContaining("no download with id");
        }
    }

    private static byte[] singleFile(String name) {
        BDictionary info = BDictionary.builder().put("name", name).put("piece length", 16384).put("pieces", new byte[20])
                .put("length", 100).build();
        return Bencode.encode(BDictionary.builder().put("info", info).build());
    }

    private static void assertInvalid(String link, String message) {
        assertThatThrownBy(() -> agent.downloads().add(new AddDownloadRequest(link, List.of(), List.of())))
                .isInstanceOf(InvalidDownloadException.class).hasMessageContaining(message);
    }

    private static void assertTorrentInvalid(byte[] torrent, String message) {
        assertThatThrownBy(() -> agent.downloads().addTorrent(torrent, List.of(), List.of()))
                .isInstanceOf(InvalidDownloadException.class).hasMessageContaining(message);
    }
}
