package net.p2pnet.chat.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkReferenceTest {

    @Test
    void acceptsEd2kAndMagnetLinksAndSaysWhichIsWhich() {
        String ed2k = "ed2k://|file|debian.iso|1024|0123456789abcdef0123456789abcdef|/";
        String magnet = "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=debian.iso";
        assertThat(LinkReference.problem(ed2k)).isEmpty();
        assertThat(LinkReference.problem(magnet)).isEmpty();
        assertThat(LinkReference.typeOf(ed2k)).isEqualTo("ed2k");
        assertThat(LinkReference.typeOf(magnet)).isEqualTo("magnet");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "http://example.org/file.iso; must be an ed2k file link",
            "ed2k://|file|x|-5|0123456789abcdef0123456789abcdef|/; not valid",
            "ed2k://|file|x|5|nothex|/; not valid",
            "magnet:?dn=no-hash; not valid",
            "magnet:?xt=urn:btih:abc def; whitespace"})
    void refusesWhatAnAgentCouldNotFollow(String link, String reason) {
        assertThat(LinkReference.problem(link)).hasValueSatisfying(p -> assertThat(p).contains(reason));
    }

    @Test
    void refusesOverlongLinks() {
        assertThat(LinkReference.problem("magnet:?xt=" + "a".repeat(3000))).hasValueSatisfying(
                p -> assertThat(p).contains("limit is 2048"));
    }
}
