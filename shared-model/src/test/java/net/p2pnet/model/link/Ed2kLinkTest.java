package net.p2pnet.model.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ed2kLinkTest {

    /** As printed by rhash 1.4.3 {@code --ed2k-link} for a 1-byte file named {@code a b|c%d+é&#.txt}. */
    private static final String RHASH_LINK = "ed2k://|file|a%20b%7cc%25d%2b%c3%a9%26%23.txt|1|"
            + "51b834b7c1ef0b59ea50888fcb39ace2|h=ch3k3dwffiuyjk5k7v6dwulfan4fyids|/";

    @Test
    void parsesRhashLinkWithEncodedNameAndAich() {
        Ed2kLink link = Ed2kLink.parse(RHASH_LINK);

        assertThat(link.name()).isEqualTo("a b|c%d+é&#.txt");
        assertThat(link.size()).isEqualTo(1);
        assertThat(link.hash()).isEqualTo("51b834b7c1ef0b59ea50888fcb39ace2");
        assertThat(link.aichHash()).contains("ch3k3dwffiuyjk5k7v6dwulfan4fyids");
        assertThat(link.hashBytes()).hasSize(16);
    }

    @Test
    void formatsByteForByteAsRhash() {
        assertThat(Ed2kLink.parse(RHASH_LINK).toString()).isEqualTo(RHASH_LINK);
        assertThat(new Ed2kLink("q'(x)~!*,;=@[]", 1, "51B834B7C1EF0B59EA50888FCB39ACE2", null).toString())
                .isEqualTo("ed2k://|file|q%27%28x%29~%21%2a%2c%3b%3d%40%5b%5d|1|51b834b7c1ef0b59ea50888fcb39ace2|/");
    }

    @Test
    void acceptsUppercaseSchemeAndHexAndLinkWithoutAich() {
        Ed2kLink link = Ed2kLink.parse(" ED2K://|FILE|x.iso|0|31D6CFE0D16AE931B73C59D7E0C089C0|/ ");

        assertThat(link).isEqualTo(new Ed2kLink("x.iso", 0, "31d6cfe0d16ae931b73c59d7e0c089c0", null));
        assertThat(link.aichHash()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', quoteCharacter = '"', value = {
        "http://example.org/x|1|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! must start with 'ed2k://|file|'",
        "ed2k://|server|1.2.3.4|4661|/ ! must start with 'ed2k://|file|'",
        "ed2k://|file|x|1|31d6cfe0d16ae931b73c59d7e0c089c0| ! must end with '|/'",
        "ed2k://|file|x|1|/ ! needs NAME|SIZE|HASH",
        "ed2k://|file|x|-1|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! size must be a decimal number",
        "ed2k://|file|x|007|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! size must be a decimal number",
        "ed2k://|file|x|99999999999999999999|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! size must be a decimal number",
        "ed2k://|file|x|9999999999999999999|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! size is too large",
        "ed2k://|file|x|1|31d6cfe0d16ae931b73c59d7e0c089c|/ ! hash must be 32 hex digits",
        "ed2k://|file|x|1|31d6cfe0d16ae931b73c59d7e0c089cg|/ ! hash must be 32 hex digits",
        "ed2k://|file|x|1|31d6cfe0d16ae931b73c59d7e0c089c0|h=short|/ ! AICH hash (h=) must be 32 base32",
        "ed2k://|file|x|1|31d6cfe0d16ae931b73c59d7e0c089c0|s=http://x|/ ! 's=http://x' is not supported",
        "ed2k://|file||1|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! name is empty",
        "ed2k://|file|..|1|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! '..' is not a file name",
        "ed2k://|file|..%2f..%2fetc%2fpasswd|1|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! contains a path separator",
        "ed2k://|file|a%00b|1|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! contains a path separator or NUL",
        "ed2k://|file|a%4|1|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! not followed by two hex digits",
        "ed2k://|file|a%ff|1|31d6cfe0d16ae931b73c59d7e0c089c0|/ ! not valid UTF-8"})
    void malformedLinksAreRefusedSayingWhy(String link, String expected) {
        assertThatThrownBy(() -> Ed2kLink.parse(link)).isInstanceOf(InvalidLinkException.class)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
    }
}
