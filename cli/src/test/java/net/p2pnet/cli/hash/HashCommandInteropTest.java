package net.p2pnet.cli.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.p2pnet.cli.CliRun;
import net.p2pnet.cli.ReferenceTools;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code p2pnet hash --json} against rhash, mktorrent and transmission-show on real files. */
@Tag("interop")
class HashCommandInteropTest {

    private static final int CHUNK = 9_728_000;

    @TempDir
    Path dir;

    @Test
    void jsonLinesEqualRhashAndMktorrentForEverySize() throws Exception {
        ReferenceTools.assumeInstalled("rhash", "mktorrent", "transmission-show");
        Random random = new Random();
        List<Path> files = new ArrayList<>();
        for (int size : new int[] {0, 1, CHUNK, 2 * CHUNK + random.nextInt(CHUNK)}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            files.add(Files.write(dir.resolve("file-" + size + ".bin"), data));
        }
        List<String> args = new ArrayList<>(List.of("hash", "--json", "--piece-length", "512K"));
        files.forEach(file -> args.add(file.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSameSizeAs(files);
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            JsonNode json = JsonMapper.shared().readTree(lines.get(i));
            assertThat(json.get("size").asLong()).isEqualTo(Files.size(file));
            assertThat(json.get("ed2k").asString()).isEqualTo(firstWord(run(file, "rhash", "--ed2k", "--simple")));
            assertThat(json.get("sha1").asString()).isEqualTo(firstWord(run(file, "rhash", "--sha1", "--simple")));
            assertThat(json.get("btih").asString()).isEqualTo(
                    firstWord(run(file, "rhash", "--btih", "--bt-piece-length=524288", "--simple")));
            assertThat(json.get("ed2kLink").asString()).isEqualTo(
                    run(file, "rhash", "--ed2k-link").strip().replaceFirst("\\|h=[a-z2-7]+\\|/$", "|/"));
            if (Files.size(file) > 0) { // transmission-show rejects mktorrent's torrent of an empty file
                assertThat(json.get("btih").asString()).isEqualTo(mktorrentInfoHash(file));
            }
        }
    }

    private String mktorrentInfoHash(Path file) throws Exception {
        Path torrent = dir.resolve(file.getFileName() + ".torrent");
        run(file, "mktorrent", "-l", "19", "-a", "http://127.0.0.1:6969/announce", "-o", torrent.toString());
        String shown = run(torrent, "transmission-show");
        return shown.lines().filter(line -> line.strip().startsWith("Hash:")).findFirst().orElseThrow()
                .strip().substring("Hash:".length()).strip();
    }

    private static String firstWord(String output) {
        return output.strip().split("\\s+")[0];
    }

    /** Runs a reference tool with the file as last argument, in the file's directory; returns stdout. */
    private static String run(Path file, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of(command));
        full.add(file.getFileName().toString());
        Process process = new ProcessBuilder(full).directory(file.getParent().toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s finished", full).isTrue();
        assertThat(process.exitValue()).as("%s: %s", full, output).isZero();
        return output;
    }
}
