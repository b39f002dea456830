package net.p2pnet.model.hash;

import static net.p2pnet.model.hash.Ed2kHash.CHUNK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.p2pnet.model.link.Ed2kLink;
import net.p2pnet.model.link.MagnetLink;
import net.p2pnet.model.torrent.InfoDictionary;
import net.p2pnet.model.torrent.SingleFileInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our one-pass hashes against rhash 1.4 and sha1sum on real files (needs the rhash package). */
@Tag("interop")
class ContentHasherInteropTest {

    private static final ContentHasher HASHER = new ContentHasher();

    @TempDir
    Path dir;

    @AfterAll
    static void stopWorkers() {
        HASHER.close();
    }

    @ParameterizedTest(name = "{0} bytes, piece length {1}")
    @CsvSource({
        "0, 262144",
        "1, 32768",
        CHUNK_SIZE - 1 + ", 262144",
        CHUNK_SIZE + ", 1048576",
        CHUNK_SIZE + 1 + ", 262144",
        2 * CHUNK_SIZE + ", 524288",
        "-1, 262144"})
    void hashesEqualRhashAndSha1sum(int requestedSize, int pieceLength) throws Exception {
        Random random = new Random();
        int size = requestedSize >= 0 ? requestedSize : 2 * CHUNK_SIZE + random.nextInt(CHUNK_SIZE);
        byte[] data = new byte[size];
        random.nextBytes(data);
        Path file = Files.write(dir.resolve("file " + size + ".bin"), data);

        ContentHashes hashes = HASHER.hash(file, pieceLength, HashProgress.NONE);
        InfoDictionary info = SingleFileInfo.of(file.getFileName().toString(), hashes);

        assertThat(hashes.size()).isEqualTo(size);
        assertThat(hashes.ed2k().hex()).isEqualTo(Rhash.hash(file, "rhash", "--ed2k", "--simple"));
        assertThat(hashes.sha1Hex()).isEqualTo(Rhash.hash(file, "sha1sum"));
        assertThat(info.infoHash().hex()).isEqualTo(
                Rhash.hash(file, "rhash", "--btih", "--bt-piece-length=" + pieceLength, "--simple"));
        assertThat(MagnetLink.of(info).toString()).isEqualTo(
                Rhash.line(file, "rhash", "--magnet", "--btih", "--bt-piece-length=" + pieceLength));
    }

    @ParameterizedTest
    @CsvSource({"plain.iso, 10", "'a b|c%d+é&#.txt', 9728000", "'q''(x)~!*,;=@[]', 0"})
    void rhashEd2kLinksParseToOurHashesAndFormatBackIdentically(String name, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path file = Files.write(dir.resolve(name), data);
        String rhashLink = Rhash.line(file, "rhash", "--ed2k-link");

        Ed2kLink parsed = Ed2kLink.parse(rhashLink);

        assertThat(parsed.name()).isEqualTo(name);
        assertThat(parsed.size()).isEqualTo(size);
        assertThat(parsed.hash()).isEqualTo(HASHER.hash(file, 1 << 18, HashProgress.NONE).ed2k().hex());
        assertThat(parsed.aichHash()).isPresent();
        assertThat(parsed.toString()).isEqualTo(rhashLink);
        assertThat(Ed2kLink.of(name, HASHER.hash(file, 1 << 18, HashProgress.NONE)).toString())
                .isEqualTo(rhashLink.replaceFirst("\\|h=[a-z2-7]+\\|/$", "|/"));
    }
}
