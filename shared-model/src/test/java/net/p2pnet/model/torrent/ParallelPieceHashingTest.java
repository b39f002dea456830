package net.p2pnet.model.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.p2pnet.model.hash.HashProgress;
import net.p2pnet.model.hash.PieceHasher;
import net.p2pnet.model.torrent.SourceFiles.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParallelPieceHashingTest {

    @TempDir
    Path tmp;

    private List<SourceFile> files(int... sizes) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        Random random = new Random(sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            random.nextBytes(data);
            Path file = tmp.resolve("f" + i);
            Files.write(file, data);
            files.add(new SourceFile(file, List.of("f" + i), sizes[i]));
        }
        return files;
    }

    private static byte[] sequential(List<SourceFile> files, int pieceLength) throws IOException {
        PieceHasher hasher = new PieceHasher(pieceLength);
        for (SourceFile f : files) {
            byte[] data = Files.readAllBytes(f.path());
            hasher.update(data, 0, data.length);
        }
        return hasher.finish();
    }

    @ParameterizedTest(name = "{0} threads, pieces of {1}")
    @CsvSource({"1, 32768", "2, 32768", "3, 32768", "7, 32768", "4, 65536", "16, 32768", "2, 1048576"})
    void anyNumberOfThreadsGivesTheSequentialPieces(int threads, int pieceLength) throws IOException {
        List<SourceFile> files = files(100_000, 0, 1, 32768, 250_001, 7, 65536 * 3 + 5);
        AtomicLong last = new AtomicLong();
        Thread caller = Thread.currentThread();

        byte[] pieces = ParallelPieceHashing.hash(files, pieceLength, threads, 1, (done, total) -> {
            assertThat(Thread.currentThread()).as("HashProgress contract: the asking thread").isSameAs(caller);
            assertThat(done).isGreaterThan(last.get()).isLessThanOrEqualTo(total);
            last.set(done);
        });

        assertThat(pieces).isEqualTo(sequential(files, pieceLength));
        assertThat(last.get()).isEqualTo(files.stream().mapToLong(SourceFile::length).sum());
    }

    @Test
    void aFileThatShrankIsReported() throws IOException {
        List<SourceFile> files = files(100_000, 50_000);
        Files.write(files.get(0).path(), new byte[10]);

        assertThatThrownBy(() -> ParallelPieceHashing.hash(files, 32768, 2, 1, HashProgress.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("f0 changed size while hashing (100000 -> ");
    }

    @Test
    void aFileThatGrewIsReported() throws IOException {
        List<SourceFile> files = files(100_000);
        Files.write(files.get(0).path(), new byte[100_001]);

        assertThatThrownBy(() -> ParallelPieceHashing.hash(files, 32768, 2, 1, HashProgress.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("changed size while hashing (100000 -> 100001 bytes)");
    }

    @Test
    void noFilesGiveNoPieces() throws IOException {
        assertThat(ParallelPieceHashing.hash(List.of(), 32768, 2, HashProgress.NONE)).isEmpty();
    }
}
