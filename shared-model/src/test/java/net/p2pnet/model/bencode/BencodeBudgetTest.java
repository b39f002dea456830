package net.p2pnet.model.bencode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Replays the two decoder attacks of issue 16: both must end in a small, quick BencodeException. */
class BencodeBudgetTest {

    /** As large as the decoder allowed before the element budget: the attacks fit under it. */
    private static final BencodeLimits OLD_DEFAULTS = new BencodeLimits(64 << 20, 64 << 20, 64, 1_000_000);

    @Test
    void fourMillionEmptyDictionariesInEightMegabytesAreRefusedByTheElementBudget() {
        byte[] hostile = new byte[2 + 4_000_000 * 2];
        hostile[0] = 'l';
        for (int i = 1; i < hostile.length - 1; i += 2) {
            hostile[i] = 'd';
            hostile[i + 1] = 'e';
        }
        hostile[hostile.length - 1] = 'e';

        BencodeException e = catchThrowableOfType(BencodeException.class, () -> Bencode.decode(hostile));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("more than 1000000 elements at offset 1999999");
    }

    @Test
    void everyUseHasItsOwnElementBudget() {
        byte[] thousandsOfPeers = ("l" + "de".repeat(20_000) + "e").getBytes(ISO_8859_1);

        assertThat(Bencode.decode(thousandsOfPeers)).isInstanceOf(BList.class);
        assertThat(catchThrowableOfType(BencodeException.class,
                () -> new BencodeDecoder(BencodeLimits.EXTENSION_MESSAGE).decode(thousandsOfPeers)))
                .hasMessageStartingWith("more than 10000 elements");
    }

    @Test
    void dictionaryKeysCountAsElements() {
        BencodeDecoder decoder = new BencodeDecoder(new BencodeLimits(1024, 1024, 4, 3));

        assertThat(decoder.decode("d1:ai1ee".getBytes(ISO_8859_1))).isInstanceOf(BDictionary.class);
        assertThat(catchThrowableOfType(BencodeException.class,
                () -> decoder.decode("d1:ai1e1:bi2ee".getBytes(ISO_8859_1))))
                .hasMessage("more than 3 elements at offset 7");
    }

    @Test
    void aThirtyMegabyteBadKeyIsQuotedByItsStartAndLength() {
        byte[] key = new byte[30_000_000];
        Arrays.fill(key, (byte) 'k');
        byte[] textKey = dictionaryWithoutValue(key);
        key[0] = 0; // binary: printed as hex, which doubled the size
        byte[] binaryKey = dictionaryWithoutValue(key);
        BencodeDecoder decoder = new BencodeDecoder(OLD_DEFAULTS);

        BencodeException text = catchThrowableOfType(BencodeException.class, () -> decoder.decode(textKey));
        BencodeException binary = catchThrowableOfType(BencodeException.class, () -> decoder.decode(binaryKey));

        assertThat(text.getMessage()).hasSizeLessThan(200)
                .isEqualTo("dictionary key \"" + "k".repeat(80) + "\"…(30000000 bytes) has no value at offset 30000010");
        assertThat(binary.getMessage()).hasSizeLessThan(200)
                .isEqualTo("dictionary key 0x00" + "6b".repeat(39) + "…(30000000 bytes) has no value at offset 30000010");
    }

    @Test
    void aStringLongerThanTheRemainingInputIsRefusedBeforeAllocation() {
        assertThat(catchThrowableOfType(BencodeException.class, () -> Bencode.decode("16000000:x".getBytes(ISO_8859_1))))
                .hasMessage("truncated input: byte string of 16000000 bytes but only 1 remain at offset 0");
    }

    private static byte[] dictionaryWithoutValue(byte[] key) {
        byte[] prefix = ("d" + key.length + ":").getBytes(ISO_8859_1);
        byte[] input = Arrays.copyOf(prefix, prefix.length + key.length + 1);
        System.arraycopy(key, 0, input, prefix.length, key.length);
        input[input.length - 1] = 'e';
        return input;
    }
}
