package net.p2pnet.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void shortValuesStayAsTheyAre() {
        assertThat(Excerpt.of("x".repeat(80))).isEqualTo("x".repeat(80));
        assertThat(Excerpt.hex(new byte[] {0, (byte) 0xff})).isEqualTo("00ff");
    }

    @Test
    void longValuesKeepTheirStartAndTellTheirLength() {
        assertThat(Excerpt.of("y".repeat(30_000_000))).isEqualTo("y".repeat(80) + "…(30000000 chars)");
        assertThat(Excerpt.hex(new byte[1000])).isEqualTo("00".repeat(40) + "…(1000 bytes)");
    }

    @Test
    void aSurrogatePairIsNotCutInHalf() {
        String text = "a".repeat(79) + "😀" + "b";

        assertThat(Excerpt.of(text)).isEqualTo("a".repeat(79) + "…(82 chars)");
    }

    @Test
    void printableReplacesControlCharactersThatWouldForgeLogLines() {
        assertThat(Excerpt.printable("GET /\r\nX-Forged: 1\u0000")).isEqualTo("GET /??X-Forged: 1?");
        assertThat(Excerpt.printable("\n".repeat(200))).isEqualTo("?".repeat(80) + "…(200 chars)");
    }
}
