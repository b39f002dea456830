package net.p2pnet.model.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.p2pnet.model.bencode.Bencode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our reader and writer against mktorrent 1.1 and transmission-show: same info-hash, and the
 * same {@code info} dictionary byte for byte.
 */
@Tag("interop")
class MktorrentInteropTest {

    private static final Pattern HASH = Pattern.compile("(?m)^\\s*Hash:\\s*([0-9a-f]{40})\\s*$");
    private static final int[] SIZES = {1_000_003, 0, 1, 1000, 32767, 32768, 32769, 262_144, 3_145_728};

    @TempDir
    Path tmp;
    private Path content;

    @BeforeEach
    void createContent() throws IOException {
        content = tmp.resolve("content");
        Random random = new Random(42);
        int i = 0;
        for (String name : List.of("top.bin", "a-c", "a/b.bin", "a0", "A", ".hidden", "sub/deeper/deepest/z.dat",
                "sub/x y.txt", "sub/\u00e9t\u00e9.txt", "sub/deeper/empty")) {
            Path file = content.resolve(name);
            Files.createDirectories(file.getParent());
            byte[] data = new byte[name.endsWith("empty") ? 0 : SIZES[i++ % SIZES.length]];
            random.nextBytes(data);
            Files.write(file, data);
        }
        Files.createDirectories(content.resolve("empty-dir/nested"));
    }

    private Path mktorrent(Path target, int log2, boolean privateFlag) throws Exception {
        Path out = tmp.resolve("mk-" + target.getFileName() + "-" + log2 + privateFlag + ".torrent");
        Files.deleteIfExists(out); // mktorrent 1.1 refuses to overwrite and has no -f
        List<String> command = new ArrayList<>(List.of("mktorrent", "-a", "http://127.0.0.1:6969/announce",
                "-l", Integer.toString(log2), "-o", out.toString()));
        if (privateFlag) {
            command.add("-p");
        }
        command.add(target.toString());
        ReferenceTool.run(tmp, command);
        return out;
    }

    private String transmissionHash(Path torrent) throws Exception {
        String output = ReferenceTool.run(tmp, List.of("transmission-show", torrent.toString()));
        Matcher m = HASH.matcher(output);
        assertThat(m.find()).as("transmission-show output:%n%s", output).isTrue();
        return m.group(1);
    }

    @Test
    void ourReaderGivesTheInfoHashTransmissionShowPrintsForAMktorrentTorrent() throws Exception {
        Path torrent = mktorrent(content, 16, true);

        Metainfo read = Metainfo.read(torrent);

        assertThat(read.infoHash().hex()).isEqualTo(transmissionHash(torrent));
        assertThat(read.info().isPrivate()).isTrue();
        assertThat(read.createdBy()).contains("mktorrent 1.1");
        assertThat(read.info().files()).hasSize(10);
        assertThat(read.announce()).contains("http://127.0.0.1:6969/announce");
    }

    @ParameterizedTest(name = "{0} -l {1} private={2}")
    @CsvSource({"content, 15, false", "content, 18, true", "content, 20, false", "content, 22, true",
            "content/top.bin, 15, true", "content/top.bin, 18, false", "content/a/b.bin, 16, false",
            "content/sub/deeper/empty, 18, false", "content/sub, 17, true"})
    void ourTorrentCreateGivesMktorrentsInfoDictionary(String target, int log2, boolean privateFlag)
            throws Exception {
        Path path = tmp.resolve(target);
        Metainfo theirs = Metainfo.read(mktorrent(path, log2, privateFlag));

        Metainfo ours = TorrentWriter.create(path, TorrentOptions.defaults()
                .withPieceLength(TorrentOptions.pieceLengthOfLog2(log2)).withPrivate(privateFlag));

        assertThat(ours.info().dictionary().rawBytes()).isEqualTo(theirs.info().dictionary().rawBytes());
        assertThat(ours.infoHash()).isEqualTo(theirs.infoHash());
        if (ours.info().totalLength() > 0) { // Transmission refuses torrents of zero bytes
            Path written = tmp.resolve("ours.torrent");
            Files.write(written, ours.toBytes());
            assertThat(transmissionHash(written)).isEqualTo(theirs.infoHash().hex());
        }
    }

    @Test
    void trackersWebSeedsAndCommentAreWrittenTheWayMktorrentWritesThem() throws Exception {
        Path out = tmp.resolve("mk-full.torrent");
        ReferenceTool.run(tmp, List.of("mktorrent", "-a", "http://t1/a", "-a", "http://t2/a,http://t3/a",
                "-w", "http://w1/", "-w", "http://w2/", "-c", "a comment", "-o", out.toString(), content.toString()));
        Metainfo theirs = Metainfo.read(out);

        Metainfo ours = TorrentWriter.create(content, TorrentOptions.defaults()
                .withAnnounceTiers(List.of(List.of("http://t1/a"), List.of("http://t2/a", "http://t3/a")))
                .withWebSeeds(List.of("http://w1/", "http://w2/")).withComment("a comment")
                .withCreatedBy("mktorrent 1.1").withCreationDate(theirs.creationDate().orElseThrow()));

        assertThat(Bencode.decode(ours.toBytes())).isEqualTo(Bencode.decode(Files.readAllBytes(out)));
    }
}
