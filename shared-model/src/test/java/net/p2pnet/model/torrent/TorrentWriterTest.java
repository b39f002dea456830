package net.p2pnet.model.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.p2pnet.model.hash.PieceHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentWriterTest {

    @TempDir
    Path tmp;

    private byte[] write(Path file, int size) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] data = new byte[size];
        new Random(size + file.toString().hashCode()).nextBytes(data);
        Files.write(file, data);
        return data;
    }

    private static byte[] pieces(int pieceLength, byte[]... contents) {
        PieceHasher hasher = new PieceHasher(pieceLength);
        for (byte[] c : contents) {
            hasher.update(c, 0, c.length);
        }
        return hasher.finish();
    }

    @Test
    void directoryFilesAreOrderedLikeMktorrentAndHashedBackToBack() throws IOException {
        Path dir = tmp.resolve("content");
        byte[] aSlashB = write(dir.resolve("a/b"), 40_000);
        byte[] aDashC = write(dir.resolve("a-c"), 1);
        byte[] aZero = write(dir.resolve("a0"), 70_001);
        byte[] upper = write(dir.resolve("A"), 0);
        byte[] hidden = write(dir.resolve(".hidden/h"), 5);
        Files.createDirectories(dir.resolve("empty-dir"));

        Metainfo m = TorrentWriter.create(dir, TorrentOptions.defaults().withPieceLength(32768));

        assertThat(m.info().files()).extracting(TorrentFile::pathString)
                .containsExactly(".hidden/h", "A", "a-c", "a/b", "a0");
        assertThat(m.info().name()).isEqualTo("content");
        assertThat(m.info().isSingleFile()).isFalse();
        byte[] expected = pieces(32768, hidden, upper, aDashC, aSlashB, aZero);
        assertThat(m.info().pieceCount()).isEqualTo(expected.length / 20);
        for (int i = 0; i < m.info().pieceCount(); i++) {
            assertThat(m.info().pieceHash(i)).isEqualTo(java.util.Arrays.copyOfRange(expected, 20 * i, 20 * i + 20));
        }
    }

    @Test
    void aFileGivesASingleFileTorrentAndADirectoryOfOneFileStaysMultiFile() throws IOException {
        byte[] data = write(tmp.resolve("one/only.bin"), 300_000);

        Metainfo single = TorrentWriter.create(tmp.resolve("one/only.bin"), TorrentOptions.defaults());
        Metainfo multi = TorrentWriter.create(tmp.resolve("one"), TorrentOptions.defaults());

        assertThat(single.info().isSingleFile()).isTrue();
        assertThat(single.info().dictionary().integer("length")).isEqualTo(300_000);
        assertThat(single.info().pieceLength()).isEqualTo(1 << 18);
        assertThat(single.info().pieceHash(1)).isEqualTo(java.util.Arrays.copyOfRange(pieces(1 << 18, data), 20, 40));
        assertThat(multi.info().isSingleFile()).isFalse();
        assertThat(multi.info().files()).containsExactly(new TorrentFile(List.of("only.bin"), 300_000, 0));
        assertThat(multi.infoHash()).isNotEqualTo(single.infoHash());
    }

    @Test
    void writtenTorrentReadsBackWithEveryOptionAndTheSameInfoHash() throws IOException {
        write(tmp.resolve("f.bin"), 1000);
        TorrentOptions options = TorrentOptions.defaults()
                .withAnnounceTiers(List.of(List.of("http://t1/announce"), List.of("http://t2/a", "http://t3/a")))
                .withPieceLength(TorrentOptions.pieceLengthOfLog2(15))
                .withPrivate(true)
                .withWebSeeds(List.of("http://w1/f.bin"))
                .withComment("made in a test")
                .withCreatedBy("p2pnet test")
                .withCreationDate(Instant.ofEpochSecond(1_800_000_000));

        Metainfo written = TorrentWriter.create(tmp.resolve("f.bin"), options);
        Path out = tmp.resolve("f.torrent");
        Files.write(out, written.toBytes());
        Metainfo read = Metainfo.read(out);

        assertThat(read.infoHash()).isEqualTo(written.infoHash());
        assertThat(read.announce()).contains("http://t1/announce");
        assertThat(read.announceTiers()).isEqualTo(options.announceTiers());
        assertThat(read.info().isPrivate()).isTrue();
        assertThat(read.info().dictionary().integer("private")).isEqualTo(1);
        assertThat(read.webSeeds()).containsExactly("http://w1/f.bin");
        assertThat(read.comment()).contains("made in a test");
        assertThat(read.createdBy()).contains("p2pnet test");
        assertThat(read.creationDate()).contains(Instant.ofEpochSecond(1_800_000_000));
        assertThat(read.info().pieceLength()).isEqualTo(32768);
    }

    @Test
    void oneTrackerGivesNoAnnounceListAndNoPrivateKeyUnlessAsked() throws IOException {
        write(tmp.resolve("f.bin"), 10);

        Metainfo m = TorrentWriter.create(tmp.resolve("f.bin"),
                TorrentOptions.defaults().withAnnounceTiers(List.of(List.of("http://t1/announce"))));

        assertThat(m.announce()).contains("http://t1/announce");
        assertThat(m.announceTiers()).isEmpty();
        assertThat(m.info().dictionary().containsKey("private")).isFalse();
        assertThat(m.info().dictionary().entries().keySet()).extracting(Object::toString)
                .containsExactly("\"length\"", "\"name\"", "\"piece length\"", "\"pieces\"");
    }

    @Test
    void emptyFilesAndEmptyContentAreKept() throws IOException {
        write(tmp.resolve("d/zero"), 0);

        Metainfo m = TorrentWriter.create(tmp.resolve("d"), TorrentOptions.defaults());

        assertThat(m.info().files()).containsExactly(new TorrentFile(List.of("zero"), 0, 0));
        assertThat(m.info().pieceCount()).isZero();
    }

    @Test
    void symbolicLinksAreFollowedLikeMktorrent() throws IOException {
        byte[] data = write(tmp.resolve("d/real"), 100);
        Files.createSymbolicLink(tmp.resolve("d/link"), tmp.resolve("d/real"));

        Metainfo m = TorrentWriter.create(tmp.resolve("d"), TorrentOptions.defaults());

        assertThat(m.info().files()).extracting(TorrentFile::pathString, TorrentFile::length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("link", 100L),
                        org.assertj.core.groups.Tuple.tuple("real", 100L));
        assertThat(m.info().pieceHash(0)).isEqualTo(pieces(1 << 18, data, data));
    }

    @Test
    void progressReachesTheTotal() throws IOException {
        write(tmp.resolve("big.bin"), 3 << 20);
        List<long[]> calls = new ArrayList<>();

        TorrentWriter.create(tmp.resolve("big.bin"), TorrentOptions.defaults(), (done, total) -> calls.add(
                new long[] {done, total}));

        assertThat(calls).isNotEmpty();
        assertThat(calls.getLast()).containsExactly(3L << 20, 3L << 20);
    }

    @Test
    void missingPathsAndBadPieceLengthsAreClearErrors() {
        assertThatThrownBy(() -> TorrentWriter.create(tmp.resolve("nope"), TorrentOptions.defaults()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> TorrentOptions.pieceLengthOfLog2(14))
                .hasMessage("the piece length exponent must be between 15 and 26, was 14");
        assertThatThrownBy(() -> TorrentOptions.pieceLengthOfLog2(29)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TorrentWriter.create(Path.of("/"), TorrentOptions.defaults()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void symbolicLinkLoopsAreReported() throws IOException {
        Files.createDirectories(tmp.resolve("loop/sub"));
        Files.createSymbolicLink(tmp.resolve("loop/sub/back"), tmp.resolve("loop"));

        assertThatThrownBy(() -> TorrentWriter.create(tmp.resolve("loop"), TorrentOptions.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("symbolic link loop");
    }

    @Test
    void singleFileInfoFromPiecesHashedElsewhereEqualsCreate() throws IOException {
        byte[] data = write(tmp.resolve("f.bin"), 100_000);
        TorrentOptions options = TorrentOptions.defaults().withPieceLength(32768).withPrivate(true);

        InfoDictionary info = TorrentWriter.singleFileInfo("f.bin", data.length, pieces(32768, data), options);

        assertThat(info.infoHash()).isEqualTo(TorrentWriter.create(tmp.resolve("f.bin"), options).infoHash());
        assertThat(TorrentWriter.metainfo(info, options.withAnnounceTiers(List.of(List.of("http://t/a"))))
                .trackers()).containsExactly("http://t/a");
    }

    @Test
    void piecesOfTheWrongCountAreRefusedEvenWhenBuiltInMemory() {
        assertThatThrownBy(() -> TorrentWriter.singleFileInfo("f", 40_000, new byte[20],
                TorrentOptions.defaults().withPieceLength(32768)))
                .isInstanceOf(InvalidTorrentException.class)
                .hasMessageContaining("need 2");
    }
}
