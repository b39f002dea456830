package net.p2pnet.model.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnounceUrlsTest {

    @Test
    void passkeysGoFromPathsAndQueriesAndEverythingElseStays() {
        assertThat(AnnounceUrls.withoutPasskey("http://t:6969/a/SECRET-key_1/announce")).isEqualTo("http://t:6969/announce");
        assertThat(AnnounceUrls.withoutPasskey("https://t/tracker/a/SECRET/scrape?x=1")).isEqualTo("https://t/tracker/scrape?x=1");
        assertThat(AnnounceUrls.withoutPasskey("udp://t:6969/announce?passkey=SECRET")).isEqualTo("udp://t:6969/announce");
        assertThat(AnnounceUrls.withoutPasskey("http://t/announce?a=1&passkey=SECRET&b=2")).isEqualTo("http://t/announce?a=1&b=2");
        assertThat(AnnounceUrls.withoutPasskey("http://t/announce?mypasskey=kept")).isEqualTo("http://t/announce?mypasskey=kept");
        assertThat(AnnounceUrls.withoutPasskey("http://t/a/b/c/announce")).isEqualTo("http://t/a/b/c/announce");
    }

    @Test
    void aTorrentLosesItsPasskeysButKeepsItsInfoHash(@TempDir Path dir) throws Exception {
        Path content = Files.write(dir.resolve("f.bin"), new byte[5000]);
        Metainfo original = TorrentWriter.create(content, TorrentOptions.defaults().withPieceLength(1 << 15)
                .withAnnounceTiers(List.of(List.of("http://t/a/SECRET/announce", "http://u/announce?passkey=SECRET"))));
        byte[] clean = AnnounceUrls.withoutPasskeys(original.toBytes());
        Metainfo read = Metainfo.read(clean);
        assertThat(read.infoHash()).isEqualTo(original.infoHash());
        assertThat(read.announceTiers()).containsExactly(List.of("http://t/announce", "http://u/announce"));
        assertThat(new String(clean, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("SECRET");

        byte[] without = Metainfo.read(clean).toBytes();
        assertThat(AnnounceUrls.withoutPasskeys(without)).as("nothing to remove: the same bytes").isSameAs(without);
    }
}
