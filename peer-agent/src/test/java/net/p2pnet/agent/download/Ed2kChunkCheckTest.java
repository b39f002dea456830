package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.model.hash.Ed2kHash;
import net.p2pnet.model.hash.Md4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunk MD4 checks read back from a real part file, in pairs and alone: a chunk whose bytes differ
 * from the hashset is found whichever lane hashes it, and only its pieces are reported.
 */
class Ed2kChunkCheckTest {

    static final int PIECE = 1 << 20;
    // three chunks, the last one short: pairs (0, 1) and a lone third, with a paired part and a rest
    static final long SIZE = 2L * Ed2kHash.CHUNK_SIZE + 3_000_123;

    @TempDir
    Path dir;

    @Test
    void everyChunkMatchingItsHashsetPassesWhetherPairedOrAlone() throws Exception {
        byte[] content = random();
        try (PartialFile file = stored(content)) {
            Ed2kHash ed2k = hashsetOf(content, -1);
            BitSet checked = new BitSet();
            BitSet all = allPieces(file);

            List<Integer> due = Ed2kChunkCheck.dueChunks(all, file, ed2k, checked);
            assertThat(due).containsExactly(0, 1, 2);
            assertThat(Ed2kChunkCheck.check(due, file, ed2k, checked).isEmpty()).isTrue();
            assertThat(checked.cardinality()).isEqualTo(3);
            assertThat(Ed2kChunkCheck.dueChunks(all, file, ed2k, checked)).isEmpty();
        }
    }

    @Test
    void aChunkDifferingFromTheHashsetIsReportedInEitherLaneOfAPair() throws Exception {
        byte[] content = random();
        for (int lying = 0; lying < 3; lying++) {
            try (PartialFile file = stored(content)) {
                Ed2kHash ed2k = hashsetOf(content, lying);
                BitSet checked = new BitSet();

                BitSet bad = Ed2kChunkCheck.checkChunksOf(allPieces(file), file, ed2k, checked);

                PieceLayout layout = file.layout();
                long start = (long) lying * Ed2kHash.CHUNK_SIZE;
                long length = Math.min(Ed2kHash.CHUNK_SIZE, SIZE - start);
                BitSet expected = new BitSet();
                expected.set(layout.firstPiece(start), layout.lastPiece(start, length) + 1);
                assertThat(bad).as("chunk %d differs", lying).isEqualTo(expected);
                assertThat(checked.get(lying)).as("a failed chunk is not marked checked").isFalse();
                assertThat(checked.cardinality()).isEqualTo(2);
            }
        }
    }

    @Test
    void aChunkWithAMissingPieceIsNotDue() throws Exception {
        byte[] content = random();
        try (PartialFile file = stored(content)) {
            BitSet some = allPieces(file);
            PieceLayout layout = file.layout();
            Ed2kHash ed2k = hashsetOf(content, -1);
            file.unverify(bits(layout.firstPiece(Ed2kHash.CHUNK_SIZE))); // a piece of chunk 1 (and maybe 0)
            BitSet checked = new BitSet();
            List<Integer> due = Ed2kChunkCheck.dueChunks(some, file, ed2k, checked);
            assertThat(due).doesNotContain(1).contains(2);
            assertThat(Ed2kChunkCheck.check(due, file, ed2k, checked).isEmpty()).isTrue();
        }
    }

    private PartialFile stored(byte[] content) throws Exception {
        PieceLayout layout = new PieceLayout(SIZE, PIECE, new byte[(int) ((SIZE + PIECE - 1) / PIECE) * 20]);
        PartialFile file = PartialFile.open(dir, "c" + System.nanoTime(), layout);
        for (int piece = 0; piece < layout.pieceCount(); piece++) {
            int from = (int) layout.pieceOffset(piece);
            file.write(piece, ByteBuffer.wrap(content, from, layout.pieceSize(piece)));
        }
        file.commitPending(0);
        return file;
    }

    /** The content's hashset, with chunk {@code lying} (if any) hashed from altered bytes. */
    static Ed2kHash hashsetOf(byte[] content, int lying) {
        int chunks = Ed2kHash.chunkCount(SIZE);
        byte[] hashes = new byte[chunks * Md4.DIGEST_LENGTH];
        for (int chunk = 0; chunk < chunks; chunk++) {
            int from = chunk * Ed2kHash.CHUNK_SIZE;
            byte[] bytes = Arrays.copyOfRange(content, from, (int) Math.min(SIZE, from + (long) Ed2kHash.CHUNK_SIZE));
            if (chunk == lying) {
                bytes[bytes.length / 2] ^= 1;
            }
            System.arraycopy(Md4.digest(bytes), 0, hashes, chunk * Md4.DIGEST_LENGTH, Md4.DIGEST_LENGTH);
        }
        return Ed2kHash.of(SIZE, hashes);
    }

    static BitSet allPieces(PartialFile file) {
        BitSet all = new BitSet();
        all.set(0, file.layout().pieceCount());
        return all;
    }

    private static BitSet bits(int... indexes) {
        BitSet set = new BitSet();
        Arrays.stream(indexes).forEach(set::set);
        return set;
    }

    static byte[] random() {
        byte[] content = new byte[(int) SIZE];
        new Random(6).nextBytes(content);
        return content;
    }
}
