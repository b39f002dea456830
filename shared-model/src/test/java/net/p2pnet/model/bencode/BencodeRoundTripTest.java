package net.p2pnet.model.bencode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BencodeRoundTripTest {

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i0e", "i-1e", "i42e", "i9223372036854775807e", "i-9223372036854775807e", "0:",
            "4:spam", "le", "de", "l4:spami42ee", "d3:bar4:spam3:fooi42ee", "d1:ad1:bl1:cdeeee",
            "d4:infod6:lengthi5e4:name1:xee"})
    void canonicalInputsRoundTripByteForByte(String input) {
        BencodeValue value = Bencode.decode(bytes(input));

        assertThat(Bencode.encode(value)).isEqualTo(bytes(input));
    }

    @Test
    void byteStringsKeepArbitraryBytes() {
        byte[] binary = {0, (byte) 0xff, (byte) 0x80, '\n', 'e'};
        byte[] encoded = Bencode.encode(BString.of(binary));

        BString decoded = (BString) Bencode.decode(encoded);

        assertThat(decoded.bytes()).isEqualTo(binary);
        assertThat(decoded.isValidUtf8()).isFalse();
        assertThat(decoded.toString()).isEqualTo("0x00ff800a65");
    }

    @Test
    void encoderSortsKeysAsUnsignedRawBytes() {
        BDictionary dict = BDictionary.builder()
                .put("b", 1)
                .put(new String(new byte[] {(byte) 0xc3, (byte) 0xa9}, java.nio.charset.StandardCharsets.UTF_8), 2)
                .put("a", 3)
                .put("B", 4)
                .build();

        // 0xc3 sorts after 'b' when bytes are unsigned; a signed comparison would put it first.
        assertThat(Bencode.encode(dict)).isEqualTo(bytes("d1:Bi4e1:ai3e1:bi1e2:\u00c3\u00a9i2ee"));
        assertThat(Bencode.decode(Bencode.encode(dict))).isEqualTo(dict);
    }

    @Test
    void rawBytesOfANestedDictionaryAreTheExactInputSlice() throws Exception {
        byte[] input = bytes("d8:announce3:url4:infod6:lengthi5e4:name1:x12:piece lengthi16384eee");
        BDictionary top = Bencode.decodeDictionary(input);

        byte[] raw = top.dictionary("info").rawBytes();

        assertThat(new String(raw, ISO_8859_1)).isEqualTo("d6:lengthi5e4:name1:x12:piece lengthi16384ee");
        assertThat(top.dictionary("info").offset()).isEqualTo(22);
        assertThat(MessageDigest.getInstance("SHA-1").digest(raw))
                .isEqualTo(MessageDigest.getInstance("SHA-1").digest(Bencode.encode(top.dictionary("info"))));
    }

    @Test
    void typedAccessorsReadEveryKind() {
        BDictionary d = Bencode.decodeDictionary(bytes("d8:completei3e5:peers6:\u007f\u0000\u0000\u0001\u001a\u00e1"
                + "4:urlsl1:a1:be1:xd1:yi1eee"));

        assertThat(d.integer("complete")).isEqualTo(3);
        assertThat(d.bytes("peers")).containsExactly(127, 0, 0, 1, 0x1a, 0xe1);
        assertThat(d.list("urls").strings()).containsExactly("a", "b");
        assertThat(d.dictionary("x").integer("y")).isEqualTo(1);
        assertThat(d.optionalInteger("incomplete")).isEmpty();
        assertThat(d.optionalText("failure reason")).isEmpty();
        assertThat(d.containsKey("peers")).isTrue();
        assertThat(d.size()).isEqualTo(4);
    }

    @Test
    void accessorsNameTheKeyAndOffsetOfAWrongOrMissingEntry() {
        BDictionary d = Bencode.decodeDictionary(bytes("d8:intervall1:xee"));

        assertThatThrownBy(() -> d.integer("interval"))
                .isInstanceOf(BencodeException.class)
                .hasMessage("'interval': expected integer, found list at offset 11");
        assertThatThrownBy(() -> d.text("peers"))
                .isInstanceOf(BencodeException.class)
                .hasMessage("missing key 'peers' in dictionary at offset 0");
        assertThatThrownBy(() -> d.list("interval").dictionaries())
                .hasMessage("'list element': expected dictionary, found byte string at offset 12");
    }

    @Test
    void decodesFromAStreamWithinTheLimit() throws Exception {
        BencodeDecoder decoder = new BencodeDecoder(new BencodeLimits(10, 10, 4, 1_000_000));

        assertThat(decoder.decode(new ByteArrayInputStream(bytes("l3:abce")))).isEqualTo(BList.of(BString.of("abc")));
        assertThatThrownBy(() -> decoder.decode(new ByteArrayInputStream(bytes("l8:abcdefghe"))))
                .isInstanceOf(BencodeException.class)
                .hasMessageContaining("exceeds the limit of 10 bytes");
    }

    @Test
    void valuesBuiltInMemoryCompareEqualToDecodedOnes() {
        BDictionary built = BDictionary.builder().putStrings("l", List.of("x", "y")).put("n", -5).build();

        assertThat(Bencode.decode(bytes("d1:ll1:x1:ye1:ni-5ee"))).isEqualTo(built);
        assertThat(built.offset()).isEqualTo(-1);
        assertThat(built.rawBytes()).isEqualTo(bytes("d1:ll1:x1:ye1:ni-5ee"));
    }
}
