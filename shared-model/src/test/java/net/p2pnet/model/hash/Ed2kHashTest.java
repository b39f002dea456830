package net.p2pnet.model.hash;

import static net.p2pnet.model.hash.Ed2kHash.CHUNK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ed2kHashTest {

    /**
     * Zero-filled content, hashes as printed by {@code rhash --ed2k} 1.4.3 (eMule convention: an exact
     * multiple of the chunk size gets the MD4 of an empty chunk appended before the root is taken).
     */
    @ParameterizedTest
    @CsvSource({
        "0, 31d6cfe0d16ae931b73c59d7e0c089c0",
        "9727999, ac44b93fc9aff773ab0005c911f8396f",
        "9728000, fc21d9af828f92a8df64beac3357425d",
        "19456000, 114b21c63a74b6ca922291a11177dd5c"})
    void zeroFilledContentHashesAsRhashAndEmuleDo(long size, String expected) {
        Ed2kHasher hasher = new Ed2kHasher();
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        for (long left = size; left > 0; left -= zeros.limit()) {
            hasher.update(zeros.clear().limit((int) Math.min(zeros.capacity(), left)));
        }

        Ed2kHash hash = hasher.finish();

        assertThat(hash.hex()).isEqualTo(expected);
        assertThat(hash.size()).isEqualTo(size);
        assertThat(hash.chunkCount()).isEqualTo((int) ((size + CHUNK_SIZE - 1) / CHUNK_SIZE));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, CHUNK_SIZE - 1, CHUNK_SIZE, 2 * CHUNK_SIZE + 333})
    void incrementalHasherFedInRandomPiecesEqualsTheReference(int size) throws Exception {
        byte[] data = new byte[size];
        Random random = new Random(size);
        random.nextBytes(data);
        Ed2kHasher hasher = new Ed2kHasher();
        for (int at = 0; at < size; ) {
            int n = Math.min(size - at, 1 + random.nextInt(3_000_000));
            hasher.update(data, at, n);
            at += n;
        }

        assertThat(hasher.finish()).isEqualTo(ContentHasherTest.reference(data, 1 << 18).ed2k());
    }

    @Test
    void oneChunkRootIsThatChunksMd4AndTheHashsetHoldsIt() {
        byte[] data = "hello ed2k".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Ed2kHash hash = Ed2kHash.of(data.length, Md4.digest(data));

        assertThat(hash.root()).isEqualTo(Md4Test.bouncyCastle(data));
        assertThat(hash.chunkHash(0)).isEqualTo(hash.root());
    }

    @Test
    void refusesAHashsetThatDoesNotFitTheSize() {
        assertThatThrownBy(() -> Ed2kHash.of(CHUNK_SIZE + 1L, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2 chunk hashes");
        assertThatThrownBy(() -> new Ed2kHash(-1, new byte[16], new byte[0]))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new Ed2kHash(0, new byte[15], new byte[0]))
                .hasMessageContaining("16 bytes");
    }

    @Test
    void chunkHashIndexIsChecked() {
        Ed2kHash hash = Ed2kHash.of(5, new byte[16]);

        assertThatThrownBy(() -> hash.chunkHash(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void valueSemantics() {
        assertThat(Ed2kHash.of(5, new byte[16])).isEqualTo(Ed2kHash.of(5, new byte[16]))
                .hasSameHashCodeAs(Ed2kHash.of(5, new byte[16]))
                .isNotEqualTo(Ed2kHash.of(6, new byte[16]));
    }
}
