package net.p2pnet.agent.download;

import static net.p2pnet.agent.download.Ed2kChunkCheckTest.PIECE;
import static net.p2pnet.agent.download.Ed2kChunkCheckTest.SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.BitSet;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.model.hash.Ed2kHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunk checks run by the workers as pieces are written (not yet committed): chunks are hashed in
 * groups as wide as the MD4 lanes (two here, as in Java; sixteen natively), a chunk waits for the
 * others of its group or for the final check, and a chunk that differs from the
 * hashset is reported by the worker whose piece completed it.
 */
class ChunkChecksTest {

    @TempDir
    Path dir;

    private final PieceLayout layout = new PieceLayout(SIZE, PIECE, new byte[(int) ((SIZE + PIECE - 1) / PIECE) * 20]);

    @Test
    void chunksAreCheckedInPairsAsTheirLastPieceIsWrittenAndTheFinalCheckTakesTheOneLeft() throws Exception {
        byte[] content = Ed2kChunkCheckTest.random();
        Ed2kHash ed2k = Ed2kChunkCheckTest.hashsetOf(content, -1);
        ChunkChecks checks = new ChunkChecks(2);
        try (PartialFile file = PartialFile.open(dir, "pairs", layout)) {
            int chunk0Done = layout.lastPiece(0, Ed2kHash.CHUNK_SIZE);
            for (int piece = 0; piece <= chunk0Done; piece++) {
                assertThat(write(file, content, piece, checks, ed2k).isEmpty()).isTrue();
            }
            assertThat(checks.checked().isEmpty()).as("chunk 0 waits for a partner").isTrue();

            int chunk1Done = layout.lastPiece(Ed2kHash.CHUNK_SIZE, Ed2kHash.CHUNK_SIZE);
            for (int piece = chunk0Done + 1; piece <= chunk1Done; piece++) {
                assertThat(write(file, content, piece, checks, ed2k).isEmpty()).isTrue();
            }
            assertThat(checks.checked().get(0) && checks.checked().get(1)).as("0 and 1 hashed together").isTrue();

            for (int piece = chunk1Done + 1; piece < layout.pieceCount(); piece++) {
                assertThat(write(file, content, piece, checks, ed2k).isEmpty()).isTrue();
            }
            assertThat(checks.checked().get(2)).as("the last chunk waits").isFalse();
            assertThat(file.verified().isEmpty()).as("nothing committed yet").isTrue();

            boolean passed = checks.exclusively(() -> {
                try {
                    return checks.checkRest(file, ed2k).isEmpty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(passed).isTrue();
            assertThat(checks.checked().cardinality()).isEqualTo(3);
        }
    }

    @Test
    void theWorkerCompletingAChunkThatDiffersFromTheHashsetGetsItsPieces() throws Exception {
        byte[] content = Ed2kChunkCheckTest.random();
        Ed2kHash ed2k = Ed2kChunkCheckTest.hashsetOf(content, 1);
        ChunkChecks checks = new ChunkChecks(2);
        BitSet reported = new BitSet();
        try (PartialFile file = PartialFile.open(dir, "liar", layout)) {
            for (int piece = 0; piece < layout.pieceCount(); piece++) {
                reported.or(write(file, content, piece, checks, ed2k));
            }
        }
        BitSet chunk1 = new BitSet();
        chunk1.set(layout.firstPiece(Ed2kHash.CHUNK_SIZE), layout.lastPiece(Ed2kHash.CHUNK_SIZE, Ed2kHash.CHUNK_SIZE) + 1);
        assertThat(reported).isEqualTo(chunk1);
        assertThat(checks.checked().get(1)).isFalse();
        assertThat(checks.checked().get(0)).isTrue();
    }

    /** Three lanes (natively hashed side by side where the native MD4 runs): nothing until the third chunk is complete. */
    @Test
    void aGroupIsCheckedWhenItsLastChunkIsCompleteAndThatWorkerGetsTheBadChunksPieces() throws Exception {
        byte[] content = Ed2kChunkCheckTest.random();
        Ed2kHash ed2k = Ed2kChunkCheckTest.hashsetOf(content, 0);
        ChunkChecks checks = new ChunkChecks(3);
        try (PartialFile file = PartialFile.open(dir, "group", layout)) {
            for (int piece = 0; piece < layout.pieceCount() - 1; piece++) {
                assertThat(write(file, content, piece, checks, ed2k).isEmpty()).isTrue();
            }
            assertThat(checks.checked().isEmpty()).as("two complete chunks wait for the third").isTrue();

            BitSet reported = write(file, content, layout.pieceCount() - 1, checks, ed2k);

            BitSet chunk0 = new BitSet();
            chunk0.set(0, layout.lastPiece(0, Ed2kHash.CHUNK_SIZE) + 1);
            assertThat(reported).isEqualTo(chunk0);
            assertThat(checks.checked().get(0)).isFalse();
            assertThat(checks.checked().get(1) && checks.checked().get(2)).isTrue();
        }
    }

    private BitSet write(PartialFile file, byte[] content, int piece, ChunkChecks checks, Ed2kHash ed2k)
            throws Exception {
        file.write(piece, ByteBuffer.wrap(content, (int) layout.pieceOffset(piece), layout.pieceSize(piece)));
        return checks.afterWrite(piece, file, ed2k);
    }
}
