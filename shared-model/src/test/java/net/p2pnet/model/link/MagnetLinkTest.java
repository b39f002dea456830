package net.p2pnet.model.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.p2pnet.model.torrent.InfoHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagnetLinkTest {

    private static final String HEX = "efe0f1a7ec274340ad476f3039919b75809e714e";
    /** The same 20 bytes in RFC 4648 base32, as older clients write btih. */
    private static final String BASE32 = "57QPDJ7ME5BUBLKHN4YDTEM3OWAJ44KO";

    @Test
    void parsesEveryFieldWithSeveralTrackersAndWebSeeds() {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&dn=My+File%20%c3%a9.iso&xl=123"
                + "&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce&tr.1=udp://t.example:80&ws=http://m.example/f.iso"
                + "&x.pe=127.0.0.1:6881");

        assertThat(link.infoHash()).isEqualTo(InfoHash.fromHex(HEX));
        assertThat(link.name()).contains("My File é.iso");
        assertThat(link.exactLength()).hasValue(123);
        assertThat(link.trackers()).containsExactly("http://127.0.0.1:6969/announce", "udp://t.example:80");
        assertThat(link.webSeeds()).containsExactly("http://m.example/f.iso");
    }

    @Test
    void base32AndHexInfoHashesAreTheSame() {
        assertThat(MagnetLink.parse("magnet:?xt=urn:btih:" + BASE32).infoHash()).isEqualTo(InfoHash.fromHex(HEX));
        assertThat(MagnetLink.parse("MAGNET:?xt=URN:BTIH:" + BASE32.toLowerCase()).infoHash())
                .isEqualTo(InfoHash.fromHex(HEX));
    }

    @Test
    void formatsInRhashOrderAndRoundTrips() {
        MagnetLink link = new MagnetLink(InfoHash.fromHex(HEX), "q'(x)~!*,;=@[]", 1L,
                List.of("http://127.0.0.1:6969/announce"), List.of("http://m/x"));

        assertThat(link.toString()).isEqualTo("magnet:?xl=1&dn=q%27%28x%29~%21%2a%2c%3b%3d%40%5b%5d&xt=urn:btih:" + HEX
                + "&tr=http%3a%2f%2f127.0.0.1%3a6969%2fannounce&ws=http%3a%2f%2fm%2fx");
        assertThat(MagnetLink.parse(link.toString())).isEqualTo(link);
        assertThat(MagnetLink.of(InfoHash.fromHex(HEX)).toString()).isEqualTo("magnet:?xt=urn:btih:" + HEX);
    }

    @Test
    void otherExactTopicsAreSkippedAndTheSameHashTwiceIsFine() {
        MagnetLink link = MagnetLink.parse("magnet:?xl=1&xt=urn:ed2k:51b834b7c1ef0b59ea50888fcb39ace2"
                + "&xt=urn:btih:" + HEX + "&xt.2=urn:btih:" + BASE32);

        assertThat(link.infoHash().hex()).isEqualTo(HEX);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', quoteCharacter = '"', value = {
        "http://x/?xt=urn:btih:" + HEX + " ! must start with 'magnet:?'",
        "magnet:?dn=x ! no 'xt=urn:btih:' info-hash",
        "magnet:?xt=urn:ed2k:51b834b7c1ef0b59ea50888fcb39ace2 ! no 'xt=urn:btih:' info-hash",
        "magnet:?xt=urn:btih:abc ! 40 hex digits or 32 base32 characters, was 'abc' (3 characters)",
        "magnet:?xt=urn:btih:" + HEX + "0 ! 40 hex digits or 32 base32",
        "magnet:?xt=urn:btih:18QPDJ7ME5BUBLKHN4YDTEM3OWAJ44KO ! 40 hex digits or 32 base32",
        "magnet:?xt=urn:btih:" + HEX + "&xt=urn:btih:0000000000000000000000000000000000000000 ! two different",
        "magnet:?xt=urn:btih:" + HEX + "&xl=-5 ! must be a decimal number",
        "magnet:?xt=urn:btih:" + HEX + "&xl=5e3 ! must be a decimal number",
        "magnet:?xt=urn:btih:" + HEX + "&dn=..%2Fx ! contains a path separator",
        "magnet:?xt=urn:btih:" + HEX + "&dn=%zz ! not followed by two hex digits",
        "magnet:?xt=urn:btih:" + HEX + "&novalue ! is not key=value"})
    void malformedLinksAreRefusedSayingWhy(String link, String expected) {
        assertThatThrownBy(() -> MagnetLink.parse(link)).isInstanceOf(InvalidLinkException.class)
                .hasMessageContaining(expected);
    }
}
