package net.p2pnet.model.bencode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder's contract on hostile bytes: a BencodeException with a short message or a value,
 * never anything else; and whatever it accepts is canonical (re-encodes to the same bytes). Checked
 * by seeded random mutations and by Jazzer (corpus in {@code BencodeFuzzTestInputs/}; see
 * docs/fuzzing.md).
 */
class BencodeFuzzTest {

    private static final long SEED = 0x5eed_b17L;
    private static final int ROUNDS = 100_000;

    private static final List<byte[]> SEEDS = List.of(
            "d8:announce35:http://127.0.0.1:6969/announce13:creation datei1700000000e4:infod5:filesld6:lengthi3e4:pathl1:a1:beed6:lengthi0e4:pathl1:ceee4:name3:dir12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaa7:privatei1eee".getBytes(ISO_8859_1),
            "d8:completei5e10:incompletei2e8:intervali1800e5:peers12:abcdefghijkle".getBytes(ISO_8859_1),
            "l4:spami-42eli0eeded1:xlee0:e".getBytes(ISO_8859_1));

    @Test
    void mutatedInputsOnlyEverRaiseBencodeException() {
        Random random = new Random(SEED);
        BencodeDecoder decoder = new BencodeDecoder(new BencodeLimits(4096, 1024, 16, 1_000_000));
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = BencodeMutator.mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            try {
                BencodeValue value = decoder.decode(input);
                assertThat(Bencode.encode(value)).as("round %d re-encodes", round).isEqualTo(input);
                accepted++;
            } catch (BencodeException expected) {
                assertThat(expected.offset()).isBetween(0L, (long) Math.max(input.length, 4096));
                rejected++;
            } catch (RuntimeException | Error other) {
                fail("round %d: %s escaped for input %s", round, other, new String(input, ISO_8859_1), other);
            }
        }
        // Both outcomes must occur, or the mutations are too weak (or too destructive) to test anything.
        assertThat(accepted).isGreaterThan(1000);
        assertThat(rejected).isGreaterThan(1000);
    }

    /** Every use's limits, and small ones so that each budget is reached by short inputs too. */
    private static final List<BencodeLimits> LIMITS = List.of(BencodeLimits.TORRENT, BencodeLimits.TRACKER_RESPONSE,
            BencodeLimits.EXTENSION_MESSAGE, new BencodeLimits(512, 64, 4, 40));

    @FuzzTest(maxDuration = "30s")
    void anyBytesDecodeToACanonicalValueOrABencodeException(byte[] input) {
        for (BencodeLimits limits : LIMITS) {
            BencodeDecoder decoder = new BencodeDecoder(limits);
            try {
                assertThat(Bencode.encode(decoder.decode(input))).isEqualTo(input);
            } catch (BencodeException expected) {
                assertShort(expected);
            }
            try {
                BDictionary prefix = decoder.decodeDictionaryPrefix(input);
                assertThat(prefix.rawBytes()).isEqualTo(java.util.Arrays.copyOf(input, prefix.rawBytes().length));
            } catch (BencodeException expected) {
                assertShort(expected);
            }
        }
    }

    /** An error quotes values by their start: its size does not grow with the input. */
    static void assertShort(RuntimeException e) {
        assertThat(e.getMessage()).hasSizeLessThan(600);
    }
}
