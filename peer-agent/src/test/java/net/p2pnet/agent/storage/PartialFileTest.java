package net.p2pnet.agent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialFileTest {

    private static final int PIECE = 1024;
    private static final long SIZE = 3L * PIECE + 100;

    @TempDir
    Path dir;

    private final PieceLayout layout = new PieceLayout(SIZE, PIECE, new byte[4 * 20]);

    @Test
    void reopeningKeepsExactlyTheCommittedPieces() throws Exception {
        try (PartialFile file = PartialFile.open(dir, "x", layout)) {
            assertThat(Files.size(file.path())).isEqualTo(SIZE);
            file.writeVerified(1, ByteBuffer.wrap(filled(PIECE, 1)));
            file.writeVerified(3, ByteBuffer.wrap(filled(100, 3)));
        }
        try (PartialFile reopened = PartialFile.open(dir, "x", layout)) {
            assertThat(reopened.verified()).isEqualTo(bits(1, 3));
            ByteBuffer piece = ByteBuffer.allocate(PIECE);
            reopened.read(PIECE, piece);
            assertThat(piece.array()).isEqualTo(filled(PIECE, 1));
        }
    }

    @Test
    void aPiecesFileWithoutItsPartFileCountsForNothing() throws Exception {
        try (PartialFile file = PartialFile.open(dir, "y", layout)) {
            file.writeVerified(0, ByteBuffer.wrap(filled(PIECE, 9)));
        }
        Files.delete(dir.resolve("y.part"));
        try (PartialFile reopened = PartialFile.open(dir, "y", layout)) {
            assertThat(reopened.verified().isEmpty()).isTrue();
        }
    }

    @Test
    void unverifiedPiecesAreForgottenDurably() throws Exception {
        try (PartialFile file = PartialFile.open(dir, "z", layout)) {
            file.writeVerified(0, ByteBuffer.wrap(filled(PIECE, 1)));
            file.writeVerified(2, ByteBuffer.wrap(filled(PIECE, 2)));
            file.unverify(bits(2));
        }
        try (PartialFile reopened = PartialFile.open(dir, "z", layout)) {
            assertThat(reopened.verified()).isEqualTo(bits(0));
        }
    }

    @Test
    void wrongPieceSizeIsRefused() throws Exception {
        try (PartialFile file = PartialFile.open(dir, "w", layout)) {
            assertThatThrownBy(() -> file.writeVerified(3, ByteBuffer.wrap(new byte[PIECE])))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("piece 3 has 100 bytes");
        }
    }

    @Test
    void completionNeverOverwritesAnExistingFile() throws Exception {
        Path target = Files.createDirectories(dir.resolve("out")).resolve("name.bin");
        Files.writeString(target, "keep me");
        PartialFile file = PartialFile.open(dir.resolve("work"), "c", layout);
        for (int i = 0; i < 4; i++) {
            file.writeVerified(i, ByteBuffer.wrap(filled(layout.pieceSize(i), i)));
        }
        assertThat(file.isComplete()).isTrue();
        Path moved = file.completeTo(target);
        assertThat(moved.getFileName().toString()).isEqualTo("name (1).bin");
        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(Files.size(moved)).isEqualTo(SIZE);
        assertThat(Files.exists(dir.resolve("work/c.part"))).isFalse();
        assertThat(Files.exists(dir.resolve("work/c.pieces"))).isFalse();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static BitSet bits(int... indexes) {
        BitSet set = new BitSet();
        for (int i : indexes) {
            set.set(i);
        }
        return set;
    }
}
