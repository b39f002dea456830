package net.p2pnet.model.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.Bencode;
import org.junit.jupiter.api.Test;

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
}
