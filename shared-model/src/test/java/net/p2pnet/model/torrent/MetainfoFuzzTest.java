package net.p2pnet.model.torrent;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Random;
import net.p2pnet.model.bencode.BencodeMutator;
import org.junit.jupiter.api.Test;

/**
 * Damaged torrents must give an InvalidTorrentException with a short message or a usable Metainfo,
 * never another exception; and whatever is accepted survives a write and re-read with the same
 * info-hash and only safe paths. Checked by seeded random mutations and by Jazzer (corpus in
 * {@code MetainfoFuzzTestInputs/}; see docs/fuzzing.md).
 */
class MetainfoFuzzTest {

    private static final long SEED = 0x70_44e47L;
    private static final int ROUNDS = 15_000;
    private static final String PIECE = "01234567890123456789";

    private static final List<byte[]> SEEDS = List.of(
            ("d8:announce9:http://t113:announce-listll9:http://t1el9:http://t2ee7:comment2:hi"
                    + "13:creation datei1700000000e4:infod5:filesld6:lengthi3e4:pathl1:a1:beed6:lengthi0e"
                    + "4:pathl1:ceed6:lengthi16384e4:pathl1:deee4:name3:dir12:piece lengthi16384e6:pieces40:"
                    + PIECE + PIECE + "7:privatei1ee8:url-listl9:http://w1ee").getBytes(ISO_8859_1),
            ("d8:announce9:http://t14:infod6:lengthi16385e4:name5:f.bin12:piece lengthi16384e6:pieces40:"
                    + PIECE + PIECE + "e8:url-list9:http://w2e").getBytes(ISO_8859_1));

    @Test
    void damagedTorrentsOnlyEverRaiseInvalidTorrentException() {
        Random random = new Random(SEED);
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = BencodeMutator.mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            try {
                checkUsable(Metainfo.read(input));
                accepted++;
            } catch (InvalidTorrentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                rejected++;
            } catch (RuntimeException | Error other) {
                fail("round %d: %s escaped for input %s", round, other, new String(input, ISO_8859_1), other);
            }
        }
        assertThat(accepted).isGreaterThan(500);
        assertThat(rejected).isGreaterThan(500);
    }

    @FuzzTest(maxDuration = "30s")
    void anyBytesReadAsAUsableTorrentOrAnInvalidTorrentException(byte[] input) {
        try {
            checkUsable(Metainfo.read(input));
        } catch (InvalidTorrentException expected) {
            assertThat(expected.getMessage()).isNotBlank().hasSizeLessThan(600);
        }
    }

    private static void checkUsable(Metainfo m) {
        InfoDictionary info = m.info();
        for (int i = 0; i < info.pieceCount(); i++) {
            assertThat(info.pieceSize(i)).isPositive();
            assertThat(info.pieceHash(i)).hasSize(20);
        }
        for (TorrentFile file : info.files()) {
            assertThat(file.resolveUnder(java.nio.file.Path.of("/dl")).normalize()).startsWithRaw(java.nio.file.Path.of("/dl"));
        }
        m.trackers().forEach(url -> assertThat(url).isNotNull());
        assertThat(Metainfo.read(m.toBytes()).infoHash()).isEqualTo(m.infoHash());
    }
}
