package net.p2pnet.model.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** BEP 9 data messages: a dictionary followed by raw bytes. */
class BencodeDictionaryPrefixTest {

    @Test
    void dictionaryBeforeRawBytesIsDecodedAndItsLengthTellsWhereTheBytesStart() {
        byte[] message = "d8:msg_typei1e5:piecei0e10:total_sizei3eeXYZ".getBytes(StandardCharsets.US_ASCII);
        BDictionary dictionary = Bencode.decodeDictionaryPrefix(message);
        assertThat(dictionary.integer("total_size")).isEqualTo(3);
        assertThat(new String(message, dictionary.rawBytes().length, 3, StandardCharsets.US_ASCII)).isEqualTo("XYZ");
    }

    @Test
    void anythingButADictionaryOrATruncatedOneIsRejected() {
        assertThatThrownBy(() -> Bencode.decodeDictionaryPrefix("i1eXYZ".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BencodeException.class).hasMessageContaining("expected a dictionary");
        assertThatThrownBy(() -> Bencode.decodeDictionaryPrefix("d8:msg_typei1e".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BencodeException.class);
        assertThatThrownBy(() -> Bencode.decodeDictionaryPrefix(new byte[0])).isInstanceOf(BencodeException.class);
    }
}
