package net.p2pnet.cli.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.p2pnet.cli.CliRun;
import net.p2pnet.cli.ReferenceTools;
import net.p2pnet.model.torrent.Metainfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code p2pnet torrent create} against mktorrent 1.1 with the same arguments: same info-hash. */
@Tag("interop")
class TorrentCreateInteropTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void content() throws Exception {
        ReferenceTools.assumeInstalled("mktorrent");
        Random random = new Random(7);
        int[] sizes = {1, 32768, 100_000, 0, 65_537, 2_000_000};
        String[] names = {"tree/readme", "tree/src/a.c", "tree/src/lib/deep/b.c", "tree/src/empty", "tree/.git/HEAD",
            "tree/big.iso"};
        for (int i = 0; i < names.length; i++) {
            Path file = tmp.resolve(names[i]);
            Files.createDirectories(file.getParent());
            byte[] data = new byte[sizes[i]];
            random.nextBytes(data);
            Files.write(file, data);
        }
    }

    private Path mktorrent(List<String> args, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of("mktorrent", "-o", out.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("mktorrent.log").toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(tmp.resolve("mktorrent.log"))).isZero();
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-a http://127.0.0.1:6969/announce tree",
        "-a http://127.0.0.1:6969/announce -p -l 15 tree",
        "-a http://127.0.0.1:6969/announce -l 21 -p tree/src",
        "-a http://a/announce -a http://b/announce,http://c/announce -w http://w/ -l 16 tree/big.iso",
        "-p -l 20 tree/readme",
        "-l 17 tree/src/lib/deep/b.c"})
    void sameArgumentsGiveTheSameInfoHashAsMktorrent(String arguments) throws Exception {
        List<String> args = new ArrayList<>(List.of(arguments.split(" ")));
        args.set(args.size() - 1, tmp.resolve(args.getLast()).toString());
        Path theirs = mktorrent(args, tmp.resolve("theirs.torrent"));
        Path ours = tmp.resolve("ours.torrent");
        List<String> cli = new ArrayList<>(List.of("torrent", "create", "-o", ours.toString()));
        cli.addAll(args);

        CliRun run = CliRun.of(cli.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        Metainfo mine = Metainfo.read(ours);
        Metainfo reference = Metainfo.read(theirs);
        assertThat(mine.infoHash()).isEqualTo(reference.infoHash());
        assertThat(run.out()).startsWith(reference.infoHash().hex());
        assertThat(mine.announce()).isEqualTo(reference.announce());
        assertThat(mine.announceTiers()).isEqualTo(reference.announceTiers());
        assertThat(mine.webSeeds()).isEqualTo(reference.webSeeds());
    }
}
