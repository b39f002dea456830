package net.p2pnet.model.bencode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BencodeMalformedInputTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                         | empty input                                          | 0
            ie                         | empty integer                                        | 0
            i-e                        | empty integer                                        | 0
            i03e                       | integer has a leading zero                           | 0
            i-03e                      | integer has a leading zero                           | 0
            i-0e                       | negative zero is not a valid integer                 | 0
            i1.5e                      | unexpected '.' in integer                            | 2
            i12                        | truncated input: expected integer terminated by 'e'  | 3
            i9223372036854775808e      | integer does not fit in 64 bits                      | 0
            i+1e                       | unexpected '+' in integer                            | 1
            04:spam                    | string length has a leading zero                     | 0
            5:spam                     | truncated input: byte string of 5 bytes but only 4 remain | 0
            4spam                      | unexpected 's' in string length                      | 1
            l4:spam                    | truncated input: expected a list element or 'e'      | 7
            d3:fooe                    | dictionary key "foo" has no value                    | 6
            d3:foo                     | truncated input: expected a value for key "foo"      | 6
            di1ei2ee                   | dictionary key must be a byte string, found 'i'      | 1
            d3:fooi1e3:bari2ee         | dictionary key "bar" is not sorted after "foo"       | 9
            d3:fooi1e3:fooi2ee         | duplicate dictionary key "foo"                       | 9
            i1ei2e                     | trailing data after the value (3 bytes)              | 3
            4:spamx                    | trailing data after the value (1 bytes)              | 6
            x                          | unexpected 'x' where a value should start            | 0
            e                          | unexpected 'e' where a value should start            | 0
            l-1e                       | unexpected '-' where a value should start            | 1
            """)
    void rejectsWithWhatAndWhere(String input, String problem, int offset) {
        BencodeException e = catchThrowableOfType(BencodeException.class,
                () -> Bencode.decode(input.getBytes(ISO_8859_1)));

        assertThat(e).as("decoding %s", input).isNotNull();
        assertThat(e.getMessage()).isEqualTo(problem + " at offset " + offset);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @Test
    void signedByteOrderWouldAcceptThisButRawByteOrderDoesNot() {
        // 0xff > 'a' unsigned: "\u00ff" then "a" is unsorted.
        byte[] input = "d1:\u00ffi1e1:ai2ee".getBytes(ISO_8859_1);

        assertThatThrownBy(() -> Bencode.decode(input)).hasMessageContaining("is not sorted after 0xff");
    }

    @Test
    void nestingBeyondTheDepthLimitIsRefused() {
        BencodeDecoder decoder = new BencodeDecoder(new BencodeLimits(1 << 20, 1 << 20, 8, 1_000_000));
        String eight = "l".repeat(8) + "e".repeat(8);
        String nine = "l".repeat(9) + "e".repeat(9);

        assertThat(decoder.decode(eight.getBytes(ISO_8859_1))).isInstanceOf(BList.class);
        assertThatThrownBy(() -> decoder.decode(nine.getBytes(ISO_8859_1)))
                .hasMessage("nesting deeper than 8 levels at offset 8");
    }

    @Test
    void deepHostileNestingWithDefaultsFailsCleanlyNotWithStackOverflow() {
        byte[] hostile = "l".repeat(1_000_000).getBytes(ISO_8859_1);

        assertThatThrownBy(() -> Bencode.decode(hostile))
                .isInstanceOf(BencodeException.class)
                .hasMessageContaining("nesting deeper than 32 levels");
    }

    @Test
    void oversizedStringsAndInputsAreRefusedBeforeAllocation() {
        BencodeDecoder decoder = new BencodeDecoder(new BencodeLimits(100, 10, 8, 1_000_000));

        assertThatThrownBy(() -> decoder.decode("11:hello world".getBytes(ISO_8859_1)))
                .hasMessage("byte string of 11 bytes exceeds the limit of 10 at offset 0");
        assertThatThrownBy(() -> Bencode.decode("2147483647:x".getBytes(ISO_8859_1)))
                .hasMessageContaining("exceeds the limit");
        assertThatThrownBy(() -> decoder.decode(new byte[101]))
                .hasMessage("input of 101 bytes exceeds the limit of 100 at offset 100");
    }

    @Test
    void topLevelMustBeADictionaryWhereOneIsExpected() {
        assertThatThrownBy(() -> Bencode.decodeDictionary("le".getBytes(ISO_8859_1)))
                .hasMessage("expected a dictionary at the top level, found list at offset 0");
    }

    @Test
    void limitsThemselvesAreValidated() {
        assertThatThrownBy(() -> new BencodeLimits(0, 1, 1, 1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BencodeLimits(1, 1, 100_000, 1_000_000)).hasMessageContaining("depth");
    }
}
