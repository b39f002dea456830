package net.p2pnet.cli.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.p2pnet.cli.CliRun;
import net.p2pnet.model.torrent.Metainfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentCommandTest {

    @TempDir
    Path tmp;
    private Path dir;

    @BeforeEach
    void content() throws Exception {
        dir = tmp.resolve("photos");
        Files.createDirectories(dir.resolve("2024/summer"));
        byte[] data = new byte[300_000];
        new Random(1).nextBytes(data);
        Files.write(dir.resolve("2024/summer/beach.jpg"), data);
        Files.writeString(dir.resolve("index.txt"), "hello");
    }

    private static String oneLine(String err) {
        assertThat(err.strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        return err.strip();
    }

    @Test
    void createsATorrentThatShowReads() throws Exception {
        Path out = tmp.resolve("photos.torrent");

        CliRun create = CliRun.of("torrent", "create", "-a", "http://127.0.0.1:6969/announce",
                "-a", "http://t2/a,udp://t3:80", "-l", "16", "-p", "-w", "http://mirror/photos/", "-c", "holiday",
                "-o", out.toString(), dir.toString());

        assertThat(create.exitCode()).as(create.err()).isZero();
        Metainfo m = Metainfo.read(out);
        assertThat(create.out().strip()).isEqualTo(m.infoHash().hex() + "  " + out);
        assertThat(create.err()).isEmpty();
        assertThat(m.info().pieceLength()).isEqualTo(65536);
        assertThat(m.info().isPrivate()).isTrue();
        assertThat(m.announceTiers()).containsExactly(List.of("http://127.0.0.1:6969/announce"),
                List.of("http://t2/a", "udp://t3:80"));
        assertThat(m.createdBy()).contains("p2pnet 0.1.0");
        assertThat(m.creationDate()).isPresent();

        CliRun show = CliRun.of("torrent", "show", out.toString());

        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("Name:          photos")
                .contains("Info-hash:     " + m.infoHash().hex())
                .contains("Size:          300005 bytes (293.0 KiB)")
                .contains("Piece length:  65536 bytes (64.0 KiB), 5 pieces")
                .contains("Private:       yes (BEP 27)")
                .contains("Comment:       holiday")
                .contains("  tier 1: http://127.0.0.1:6969/announce")
                .contains("  tier 2: http://t2/a udp://t3:80")
                .contains("Web seeds:\n  http://mirror/photos/")
                .contains("Files (2):\n  photos/2024/summer/beach.jpg (300000 bytes (293.0 KiB))\n"
                        + "  photos/index.txt (5 bytes)");
    }

    @Test
    void defaultsFollowMktorrentSingleFileNoDateAndOutputName() throws Exception {
        Path file = dir.resolve("index.txt");
        Path out = tmp.resolve("index.txt.torrent");

        CliRun run = CliRun.of("torrent", "create", "-d", "-o", out.toString(), file.toString());

        assertThat(run.exitCode()).isZero();
        Metainfo m = Metainfo.read(out);
        assertThat(m.info().isSingleFile()).isTrue();
        assertThat(m.info().pieceLength()).isEqualTo(1 << 18);
        assertThat(m.creationDate()).isEmpty();
        assertThat(m.trackers()).isEmpty();
        assertThat(CliRun.of("torrent", "show", out.toString()).out()).contains("Trackers: none")
                .contains("Private:       no").contains("Files (1):\n  index.txt (5 bytes)");
    }

    @Test
    void anExistingOutputIsKeptUnlessForced() throws Exception {
        Path out = tmp.resolve("x.torrent");
        Files.writeString(out, "precious");

        CliRun refused = CliRun.of("torrent", "create", "-o", out.toString(), dir.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(oneLine(refused.err()))
                .isEqualTo("p2pnet torrent create: " + out + " already exists (use --force to replace it)");
        assertThat(Files.readString(out)).isEqualTo("precious");

        CliRun forced = CliRun.of("torrent", "create", "--force", "-o", out.toString(), dir.toString());

        assertThat(forced.exitCode()).isZero();
        assertThat(Metainfo.read(out).info().name()).isEqualTo("photos");
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).doesNotContain("precious")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aMissingPathIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("torrent", "create", "-o", tmp.resolve("o.torrent").toString(),
                tmp.resolve("nothing-here").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(oneLine(run.err())).isEqualTo("p2pnet torrent create: no such file or directory: "
                + tmp.resolve("nothing-here"));
        assertThat(tmp.resolve("o.torrent")).doesNotExist();
    }

    @Test
    void aSpecialFileIsNotContent() {
        CliRun run = CliRun.of("torrent", "create", "-o", tmp.resolve("o.torrent").toString(), "/dev/null");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(oneLine(run.err()))
                .isEqualTo("p2pnet torrent create: /dev/null is neither a regular file nor a directory");
    }

    @Test
    void badPieceLengthsAndUrlsAreRefusedBeforeAnyWork() {
        CliRun small = CliRun.of("torrent", "create", "-l", "14", "-o", tmp.resolve("o.torrent").toString(),
                dir.toString());
        CliRun url = CliRun.of("torrent", "create", "-a", "tracker.example:6969", "-o",
                tmp.resolve("o.torrent").toString(), dir.toString());
        CliRun seed = CliRun.of("torrent", "create", "-w", "http://ok/,", "-o",
                tmp.resolve("o.torrent").toString(), dir.toString());

        assertThat(small.exitCode()).isEqualTo(2);
        assertThat(oneLine(small.err()))
                .isEqualTo("p2pnet torrent create: the piece length exponent must be between 15 and 26, was 14");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(oneLine(url.err())).startsWith("p2pnet torrent create: not a usable URL: 'tracker.example:6969'");
        assertThat(seed.exitCode()).isEqualTo(2);
        assertThat(oneLine(seed.err())).startsWith("p2pnet torrent create: not a usable URL: ''");
        assertThat(tmp.resolve("o.torrent")).doesNotExist();
    }

    @Test
    void anOutputThatIsADirectoryIsRefused() {
        CliRun run = CliRun.of("torrent", "create", "--force", "-o", tmp.toString(), dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(oneLine(run.err())).isEqualTo("p2pnet torrent create: output " + tmp + " is a directory");
    }

    @Test
    void showRefusesMalformedHostileAndMissingTorrents() throws Exception {
        Path garbage = tmp.resolve("garbage.torrent");
        Files.writeString(garbage, "d4:infod6:lengthi01e");
        Path traversal = tmp.resolve("evil.torrent");
        Files.writeString(traversal, "d4:infod5:filesld6:lengthi1e4:pathl2:..7:.bashrceee4:name1:x"
                + "12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaaee");

        CliRun malformed = CliRun.of("torrent", "show", garbage.toString());
        CliRun evil = CliRun.of("torrent", "show", traversal.toString());
        CliRun missing = CliRun.of("torrent", "show", tmp.resolve("none.torrent").toString());
        CliRun directory = CliRun.of("torrent", "show", tmp.toString());

        assertThat(List.of(malformed.exitCode(), evil.exitCode(), missing.exitCode(), directory.exitCode()))
                .containsOnly(2);
        assertThat(oneLine(malformed.err()))
                .isEqualTo("p2pnet torrent show: malformed torrent: integer has a leading zero at offset 16");
        assertThat(oneLine(evil.err())).isEqualTo("p2pnet torrent show: info.files[0].path: component '..' "
                + "is a relative reference (path traversal)");
        assertThat(oneLine(missing.err())).startsWith("p2pnet torrent show: no such file or directory: ");
        assertThat(oneLine(directory.err())).endsWith("is a directory, not a .torrent file");
        assertThat(malformed.out()).isEmpty();
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun noPath = CliRun.of("torrent", "create");
        CliRun noVerb = CliRun.of("torrent");

        assertThat(noPath.exitCode()).isEqualTo(2);
        assertThat(noPath.err()).contains("Missing required parameter: 'PATH'");
        assertThat(noVerb.exitCode()).isEqualTo(2);
        assertThat(noVerb.err()).contains("say which: create or show");
    }
}
