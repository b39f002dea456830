package net.p2pnet.model.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PieceHasherTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16383, 16384, 16385, 65536, 100_000})
    void piecesEqualSha1OfEachSliceWhateverTheFeedSizes(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        int pieceLength = 16384;
        PieceHasher hasher = new PieceHasher(pieceLength);
        Random feeds = new Random(7);
        for (int at = 0; at < size; ) {
            int n = Math.min(size - at, 1 + feeds.nextInt(40_000));
            hasher.update(data, at, n);
            at += n;
        }
        byte[] pieces = hasher.finish();

        assertThat(pieces).hasSize((int) PieceHasher.pieceCount(size, pieceLength) * PieceHasher.SHA1_LENGTH);
        for (int i = 0; i * pieceLength < size; i++) {
            byte[] expected = MessageDigest.getInstance("SHA-1")
                    .digest(Arrays.copyOfRange(data, i * pieceLength, Math.min(size, (i + 1) * pieceLength)));
            assertThat(Arrays.copyOfRange(pieces, i * 20, i * 20 + 20)).as("piece %d", i).isEqualTo(expected);
        }
        assertThat(hasher.bytesHashed()).isEqualTo(size);
    }

    @Test
    void refusesNonPositivePieceLength() {
        assertThatThrownBy(() -> new PieceHasher(0)).hasMessageContaining("piece length");
    }
}
