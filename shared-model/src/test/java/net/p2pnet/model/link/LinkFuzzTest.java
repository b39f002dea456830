package net.p2pnet.model.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Links arrive from web pages, chat messages and the control API: any text parses to a link that
 * prints and re-parses to itself, or fails with an InvalidLinkException whose message does not grow
 * with the input. Jazzer target (corpus in {@code LinkFuzzTestInputs/}; see docs/fuzzing.md).
 */
class LinkFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyTextIsAnEd2kLinkOrAnInvalidLinkException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Ed2kLink link = Ed2kLink.parse(text);
            assertThat(Ed2kLink.parse(link.toString())).isEqualTo(link);
        } catch (InvalidLinkException expected) {
            assertThat(expected.getMessage()).hasSizeLessThan(600);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyTextIsAMagnetLinkOrAnInvalidLinkException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            MagnetLink link = MagnetLink.parse(text);
            assertThat(MagnetLink.parse(link.toString())).isEqualTo(link);
        } catch (InvalidLinkException expected) {
            assertThat(expected.getMessage()).hasSizeLessThan(600);
        }
    }
}
