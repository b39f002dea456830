package net.p2pnet.model.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.Bencode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnouncePasskeysTest {

    @Test
    void urlsLoseOnlyTheirPasskey() {
        assertThat(AnnouncePasskeys.strip("http://t:6969/announce?passkey=abc")).isEqualTo("http://t:6969/announce");
        assertThat(AnnouncePasskeys.strip("http://t/announce?a=1&PassKey=abc&b=2#x")).isEqualTo("http://t/announce?a=1&b=2#x");
        assertThat(AnnouncePasskeys.strip("http://t/announce?passkeys=1")).isEqualTo("http://t/announce?passkeys=1");
        assertThat(AnnouncePasskeys.strip("http://t/announce")).isEqualTo("http://t/announce");
        assertThat(AnnouncePasskeys.strip((String) null)).isNull();
    }

    @Test
    void aTorrentLosesItsPasskeysAndKeepsItsInfoByteForByte() {
        String info = "d6:lengthi5e4:name1:x12:piece lengthi16384e6:pieces20:" + "a".repeat(20) + "e";
        byte[] torrent = ("d8:announce" + bstr("http://t/announce?passkey=SECRET1") + "13:announce-listll"
                + bstr("http://t/announce?passkey=SECRET1") + bstr("http://u/a") + "ee4:info" + info + "e")
                .getBytes(StandardCharsets.UTF_8);
        byte[] stripped = AnnouncePasskeys.strip(torrent);
        assertThat(new String(stripped, StandardCharsets.UTF_8)).doesNotContain("SECRET1").contains("4:info" + info);
        BDictionary top = Bencode.decodeDictionary(stripped);
        assertThat(top.text("announce")).isEqualTo("http://t/announce");
        assertThat(top.list("announce-list").values().getFirst()).satisfies(tier ->
                assertThat(((net.p2pnet.model.bencode.BList) tier).strings()).isEqualTo(List.of("http://t/announce", "http://u/a")));
        assertThat(top.dictionary("info").rawBytes()).isEqualTo(Bencode.decodeDictionary(torrent).dictionary("info").rawBytes());

        byte[] clean = ("d8:announce" + bstr("http://t/announce") + "4:info" + info + "e").getBytes(StandardCharsets.UTF_8);
        assertThat(AnnouncePasskeys.strip(clean)).isSameAs(clean);
    }

    private static String bstr(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length + ":" + s;
    }

    @Test
    void thePathFormOfPrivateTrackersLosesItsPasskeyToo() {
        assertThat(AnnouncePasskeys.strip("http://t:6969/a/SECRET-key_1/announce")).isEqualTo("http://t:6969/announce");
        assertThat(AnnouncePasskeys.strip("https://t/tracker/a/SECRET/scrape?x=1")).isEqualTo("https://t/tracker/scrape?x=1");
        assertThat(AnnouncePasskeys.strip("udp://t:6969/announce?passkey=SECRET")).isEqualTo("udp://t:6969/announce");
        assertThat(AnnouncePasskeys.strip("http://t/announce?mypasskey=kept")).isEqualTo("http://t/announce?mypasskey=kept");
        assertThat(AnnouncePasskeys.strip("http://t/a/b/c/announce")).isEqualTo("http://t/a/b/c/announce");
    }

    @Test
    void aTorrentWithPasskeysInPathsLosesThemButKeepsItsInfoHash(@TempDir Path dir) throws Exception {
        Path content = Files.write(dir.resolve("f.bin"), new byte[5000]);
        Metainfo original = TorrentWriter.create(content, TorrentOptions.defaults().withPieceLength(1 << 15)
                .withAnnounceTiers(List.of(List.of("http://t/a/SECRET/announce", "http://u/announce?passkey=SECRET"))));
        byte[] clean = AnnouncePasskeys.strip(original.toBytes());
        Metainfo read = Metainfo.read(clean);
        assertThat(read.infoHash()).isEqualTo(original.infoHash());
        assertThat(read.announceTiers()).containsExactly(List.of("http://t/announce", "http://u/announce"));
        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain("SECRET");

        byte[] without = Metainfo.read(clean).toBytes();
        assertThat(AnnouncePasskeys.strip(without)).as("nothing to remove: the same bytes").isSameAs(without);
    }
}
