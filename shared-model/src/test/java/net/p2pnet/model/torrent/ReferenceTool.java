package net.p2pnet.model.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an OS reference tool (mktorrent, transmission-show) and returns its stdout. */
final class ReferenceTool {

    private ReferenceTool() {
    }

    static String run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean finished = process.waitFor(2, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(finished).as("%s finished in time", command).isTrue();
            assertThat(process.exitValue()).as("%s exit status, output: %s", command, output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
