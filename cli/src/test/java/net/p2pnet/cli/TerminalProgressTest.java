package net.p2pnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void offATerminalNothingIsWrittenSoScriptsGetCleanOutput() {
        StringWriter err = new StringWriter();

        try (TerminalProgress progress = TerminalProgress.forFile(Path.of("big.bin"), new PrintWriter(err))) {
            for (long done = 0; done <= 100; done += 10) {
                progress.progress(done << 20, 100L << 20);
            }
        }

        assertThat(err.toString()).isEmpty();
    }
}
