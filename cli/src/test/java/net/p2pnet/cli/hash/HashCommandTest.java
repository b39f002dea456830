package net.p2pnet.cli.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import net.p2pnet.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HashCommandTest {

    /** MD4("abc") from RFC 1320: a file under one ed2k chunk has its MD4 as ed2k hash. */
    private static final String ED2K_ABC = "a448017aaf21d8525fc10ae87aa6729d";
    /** SHA-1("abc") from FIPS 180-1. */
    private static final String SHA1_ABC = "a9993e364706816aba3e25717850c26c9cd0d89d";

    @TempDir
    Path dir;

    @Test
    void printsEd2kLinkSha1AndInfoHashOfEachFile() throws Exception {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");

        CliRun run = CliRun.of("hash", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains(
                file.toString(),
                "ed2k    ed2k://|file|abc.txt|3|" + ED2K_ABC + "|/",
                "sha1    " + SHA1_ABC,
                "btih    " + expectedBtih("abc.txt", "abc", 262144) + "  (piece length 262144)",
                "magnet  magnet:?xl=3&dn=abc.txt&xt=urn:btih:" + expectedBtih("abc.txt", "abc", 262144));
    }

    @Test
    void jsonPrintsOneObjectPerLineWithTheDocumentedFields() throws Exception {
        Path first = Files.writeString(dir.resolve("abc.txt"), "abc");
        Path second = Files.write(dir.resolve("empty \"quoted\".bin"), new byte[0]);

        CliRun run = CliRun.of("hash", "--json", "--piece-length", "1M", first.toString(), second.toString());

        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode abc = JsonMapper.shared().readTree(lines[0]);
        assertThat(abc.get("file").asString()).isEqualTo(first.toString());
        assertThat(abc.get("size").asLong()).isEqualTo(3);
        assertThat(abc.get("ed2k").asString()).isEqualTo(ED2K_ABC);
        assertThat(abc.get("ed2kLink").asString()).isEqualTo("ed2k://|file|abc.txt|3|" + ED2K_ABC + "|/");
        assertThat(abc.get("sha1").asString()).isEqualTo(SHA1_ABC);
        assertThat(abc.get("btih").asString()).isEqualTo(expectedBtih("abc.txt", "abc", 1 << 20));
        assertThat(abc.get("pieceLength").asInt()).isEqualTo(1 << 20);
        JsonNode empty = JsonMapper.shared().readTree(lines[1]);
        assertThat(empty.get("file").asString()).isEqualTo(second.toString());
        assertThat(empty.get("ed2k").asString()).isEqualTo("31d6cfe0d16ae931b73c59d7e0c089c0");
        assertThat(empty.get("sha1").asString()).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    }

    @Test
    void missingFileAndDirectoryGetOneLineEachExitTwoAndTheRestIsStillHashed() throws Exception {
        Path good = Files.writeString(dir.resolve("abc.txt"), "abc");
        Path missing = dir.resolve("nope.bin");

        CliRun run = CliRun.of("hash", "--json", missing.toString(), dir.toString(), good.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "p2pnet hash: " + missing + ": no such file",
                "p2pnet hash: " + dir + ": is a directory, not a file");
        assertThat(run.out().lines()).singleElement().satisfies(line -> assertThat(line).contains(SHA1_ABC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000", "3M", "16K", "512M", "abc", "-1"})
    void badPieceLengthIsAUsageErrorWithExitTwo(String pieceLength) throws Exception {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");

        CliRun run = CliRun.of("hash", "--piece-length", pieceLength, file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'" + pieceLength + "'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noFileIsAUsageError() {
        CliRun run = CliRun.of("hash");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'");
    }


    /**
     * SHA-1 of the bencoded info dictionary of a one-piece single-file torrent, written out by hand
     * here (keys sorted: length, name, piece length, pieces) to check the whole chain independently.
     */
    static String expectedBtih(String name, String content, int pieceLength) throws Exception {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        byte[] piece = MessageDigest.getInstance("SHA-1").digest(data);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(("d6:lengthi" + data.length + "e4:name" + name.length() + ":" + name
                + "12:piece lengthi" + pieceLength + "e6:pieces20:").getBytes(StandardCharsets.UTF_8));
        info.writeBytes(piece);
        info.write('e');
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(info.toByteArray()));
    }
}
