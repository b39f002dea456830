package net.p2pnet.model.hash;

import static net.p2pnet.model.hash.Ed2kHash.CHUNK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentHasherTest {

    private static final int PIECE = 1 << 18;
    private static final ContentHasher HASHER = new ContentHasher(2);

    @TempDir
    Path dir;

    @AfterAll
    static void stopWorkers() {
        HASHER.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 777,
            3 * CHUNK_SIZE - 1})
    void fileHashesEqualBouncyCastleAndMessageDigestAroundChunkBoundaries(int size) throws Exception {
        byte[] data = random(size);
        Path file = Files.write(dir.resolve("f"), data);

        ContentHashes hashes = HASHER.hash(file, PIECE, HashProgress.NONE);

        assertThat(hashes).isEqualTo(reference(data, PIECE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE + 12345})
    void streamHashesEqualFileHashesEvenWithShortReads(int size) throws Exception {
        byte[] data = random(size);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 100_003));
            }
        };

        ContentHashes hashes = HASHER.hash(trickle, 16384, HashProgress.NONE);

        assertThat(hashes).isEqualTo(reference(data, 16384));
    }

    @Test
    void oneWorkerGivesTheSameHashes() throws Exception {
        byte[] data = random(3 * CHUNK_SIZE + 5);
        Path file = Files.write(dir.resolve("f"), data);
        try (ContentHasher single = new ContentHasher(1)) {
            assertThat(single.hash(file, 1 << 20, HashProgress.NONE)).isEqualTo(reference(data, 1 << 20));
        }
    }

    @Test
    void progressRisesToTheTotalOnTheCallersThread() throws Exception {
        int size = 4 * CHUNK_SIZE + 10;
        Path file = Files.write(dir.resolve("f"), random(size));
        List<long[]> calls = new ArrayList<>();
        Thread caller = Thread.currentThread();

        HASHER.hash(file, PIECE, (done, total) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            calls.add(new long[] {done, total});
        });

        assertThat(calls).isNotEmpty().allSatisfy(call -> assertThat(call[1]).isEqualTo(size));
        assertThat(calls.getLast()[0]).isEqualTo(size);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThanOrEqualTo(calls.get(i - 1)[0]);
        }
    }

    @Test
    void concurrentCallsShareTheWorkersAndStayCorrect() throws Exception {
        byte[] one = random(2 * CHUNK_SIZE + 1);
        byte[] two = random(3 * CHUNK_SIZE);
        Path first = Files.write(dir.resolve("one"), one);
        Path second = Files.write(dir.resolve("two"), two);
        var other = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return HASHER.hash(second, PIECE, HashProgress.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(HASHER.hash(first, PIECE, HashProgress.NONE)).isEqualTo(reference(one, PIECE));
        assertThat(other.join()).isEqualTo(reference(two, PIECE));
    }

    /**
     * More callers than buffers or mapping slots: each holds chunks waiting for the others of its MD4
     * group, so a caller that waited for a slot without hashing what it holds could wait forever.
     */
    @Test
    void manyMoreConcurrentCallsThanSlotsAllFinish() throws Exception {
        byte[] data = random(2 * CHUNK_SIZE + 1);
        Path file = Files.write(dir.resolve("shared"), data);
        ContentHashes expected = reference(data, PIECE);
        try (ContentHasher single = new ContentHasher(1);
                var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<ContentHashes>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                boolean stream = i % 2 == 0;
                results.add(callers.submit(() -> stream ? single.hash(new ByteArrayInputStream(data), PIECE, HashProgress.NONE)
                        : single.hash(file, PIECE, HashProgress.NONE)));
            }
            for (var result : results) {
                // a generous bound: it only tells a deadlock from a slow machine
                assertThat(result.get(5, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(expected);
            }
        }
    }

    @Test
    void missingFileIsReportedByName() {
        Path missing = dir.resolve("missing.bin");

        assertThatThrownBy(() -> HASHER.hash(missing, PIECE, HashProgress.NONE))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("missing.bin");
    }

    @Test
    void directoryIsRefusedClearly() {
        assertThatThrownBy(() -> HASHER.hash(dir, PIECE, HashProgress.NONE))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("is a directory, not a file");
    }

    @Test
    void unreadableFileIsAccessDenied() throws Exception {
        Path file = Files.write(dir.resolve("secret"), new byte[10]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "running as root: every file is readable");

        assertThatThrownBy(() -> HASHER.hash(file, PIECE, HashProgress.NONE))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("secret");
    }

    @Test
    void fileCutShortWhileHashedIsAnIOExceptionNotACrashEvenManyTimes() throws Exception {
        Path file = dir.resolve("shrinking");
        for (int attempt = 0; attempt < 6; attempt++) { // more than the chunks in flight: no slot may leak
            Files.write(file, random(3 * CHUNK_SIZE));
            assertThatThrownBy(() -> HASHER.hash(file, PIECE, truncatingOnFirstCall(file)))
                    .isInstanceOf(IOException.class).hasMessageContaining("while being hashed");
        }
        assertThat(HASHER.hash(file, PIECE, HashProgress.NONE)).isEqualTo(reference(Files.readAllBytes(file), PIECE));
    }

    private static HashProgress truncatingOnFirstCall(Path file) {
        return new HashProgress() {
            private boolean done;

            @Override
            public void progress(long bytesDone, long totalBytes) {
                if (!done) {
                    done = true;
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(1000);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }

    @Test
    void failingStreamPassesItsErrorOnAndLeavesTheHasherUsable() throws Exception {
        for (int attempt = 0; attempt < 6; attempt++) { // more than the buffers: none may leak
            assertThatThrownBy(() -> HASHER.hash(failingAfterThreeChunks(), PIECE, HashProgress.NONE))
                    .hasMessage("disk on fire");
        }
        byte[] data = random(CHUNK_SIZE * 5);
        assertThat(HASHER.hash(new ByteArrayInputStream(data), PIECE, HashProgress.NONE))
                .isEqualTo(reference(data, PIECE));
    }

    private static InputStream failingAfterThreeChunks() {
        return new InputStream() {
            private int left = CHUNK_SIZE * 3;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    throw new IOException("disk on fire");
                }
                int n = Math.min(len, left);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void refusesNonPositivePieceLengthAndParallelism() {
        assertThatThrownBy(() -> HASHER.hash(new ByteArrayInputStream(new byte[1]), 0, HashProgress.NONE))
                .hasMessageContaining("piece length");
        assertThatThrownBy(() -> new ContentHasher(0)).hasMessageContaining("parallelism");
    }

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    /** Independent of the code under test: Bouncy Castle MD4, the JDK's SHA-1, the eMule rule. */
    static ContentHashes reference(byte[] data, int pieceLength) throws Exception {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int at = 0; at < data.length; at += CHUNK_SIZE) {
            chunks.writeBytes(Md4Test.bouncyCastle(Arrays.copyOfRange(data, at, Math.min(data.length, at + CHUNK_SIZE))));
        }
        byte[] root;
        if (data.length == 0) {
            root = Md4Test.bouncyCastle(new byte[0]);
        } else if (data.length < CHUNK_SIZE) {
            root = chunks.toByteArray();
        } else {
            ByteArrayOutputStream set = new ByteArrayOutputStream();
            set.writeBytes(chunks.toByteArray());
            if (data.length % CHUNK_SIZE == 0) {
                set.writeBytes(Md4Test.bouncyCastle(new byte[0]));
            }
            root = Md4Test.bouncyCastle(set.toByteArray());
        }
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        for (int at = 0; at < data.length; at += pieceLength) {
            pieces.writeBytes(MessageDigest.getInstance("SHA-1")
                    .digest(Arrays.copyOfRange(data, at, Math.min(data.length, at + pieceLength))));
        }
        return new ContentHashes(data.length, new Ed2kHash(data.length, root, chunks.toByteArray()),
                MessageDigest.getInstance("SHA-1").digest(data), pieceLength, pieces.toByteArray());
    }
}
