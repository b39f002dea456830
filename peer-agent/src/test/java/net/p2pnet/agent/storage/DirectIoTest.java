package net.p2pnet.agent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Direct (O_DIRECT) writes and read-backs of a part file, and the ordinary channel where they do not apply. */
class DirectIoTest {

    private static final int PIECE = 16 * 1024;

    @TempDir
    Path dir;

    @Test
    void alignedWritesGoDirectAndUnalignedOnesAreLeftToTheCaller() throws IOException {
        Path file = sparse(4L * PIECE);
        DirectIo direct = DirectIo.open(file);
        assumeTrue(direct != null, "the temporary directory's file system offers no O_DIRECT");
        try (direct) {
            byte[] piece = random(PIECE, 1);
            ByteBuffer data = ByteBuffer.wrap(piece);
            assertThat(direct.write(data, PIECE)).isTrue();
            assertThat(data.hasRemaining()).isFalse();

            ByteBuffer odd = ByteBuffer.wrap(random(100, 2));
            assertThat(direct.write(odd, 2L * PIECE)).isFalse();
            assertThat(odd.remaining()).isEqualTo(100); // untouched: the caller writes it
            assertThat(direct.write(ByteBuffer.wrap(piece), 100)).isFalse();

            ByteBuffer buffer = direct.buffer(PIECE);
            assertThat(direct.readFully(PIECE, buffer, PIECE)).isTrue();
            assertThat(bytes(buffer)).isEqualTo(piece);
            // a length that is not a multiple of the block: read whole blocks, hand out only what was asked
            assertThat(direct.readFully(PIECE, buffer, 5000)).isTrue();
            assertThat(bytes(buffer)).isEqualTo(Arrays.copyOf(piece, 5000));
            assertThat(direct.readFully(100, buffer, 5000)).isFalse(); // unaligned offset: the caller reads
        }
        assertThat(Arrays.copyOfRange(Files.readAllBytes(file), PIECE, 2 * PIECE)).isEqualTo(random(PIECE, 1));
    }

    @Test
    void aReadPastTheEndOfTheFileIsLeftToTheOrdinaryChannel() throws IOException {
        Path file = sparse(PIECE + 100L);
        DirectIo direct = DirectIo.open(file);
        assumeTrue(direct != null, "the temporary directory's file system offers no O_DIRECT");
        try (direct) {
            ByteBuffer buffer = direct.buffer(2 * PIECE);
            assertThat(direct.readFully(PIECE, buffer, 100)).isTrue(); // the short tail, up to the end
            assertThat(direct.readFully(PIECE, buffer, 2 * PIECE)).isFalse();
            assertThat(direct.readFully(0, buffer, PIECE)).as("still usable").isTrue();
        }
    }

    @Test
    void aPartFileMixesDirectAndOrdinaryWritesAndReadsEveryByteBack() throws Exception {
        long size = 5L * PIECE + 777;
        PieceLayout layout = new PieceLayout(size, PIECE, new byte[6 * 20]);
        byte[] content = random((int) size, 3);
        try (PartialFile file = PartialFile.open(dir, "mixed", layout)) {
            for (int piece = layout.pieceCount() - 1; piece >= 0; piece--) {
                file.write(piece, ByteBuffer.wrap(content, (int) layout.pieceOffset(piece), layout.pieceSize(piece)));
            }
            BitSet all = new BitSet();
            all.set(0, layout.pieceCount());
            assertThat(file.commitPending(0)).isEqualTo(all);
            ByteBuffer buffer = file.readBuffer(3 * PIECE);
            file.readFully(PIECE, buffer, 3 * PIECE);
            assertThat(bytes(buffer)).isEqualTo(Arrays.copyOfRange(content, PIECE, 4 * PIECE));
            file.readFully(4L * PIECE, buffer, PIECE + 777); // over the unaligned last piece, to the end
            assertThat(bytes(buffer)).isEqualTo(Arrays.copyOfRange(content, 4 * PIECE, (int) size));
            assertThatThrownBy(() -> file.readFully(5L * PIECE, buffer, PIECE))
                    .isInstanceOf(IOException.class).hasMessageContaining("ended");
        }
        try (PartialFile reopened = PartialFile.open(dir, "mixed", layout)) {
            assertThat(reopened.isComplete()).isTrue();
        }
        assertThat(Files.readAllBytes(dir.resolve("mixed.part"))).isEqualTo(content);
    }

    private Path sparse(long size) throws IOException {
        Path file = dir.resolve("f" + System.nanoTime());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
