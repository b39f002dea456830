package net.p2pnet.system;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The external programs a system test runs: the test is skipped, saying which, where one is missing. */
final class Tools {

    private Tools() {
    }

    /** Skips the calling test unless every command is an executable on the PATH ({@code .ci/run} installs them). */
    static void assumeInstalled(String... commands) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String command : commands) {
            boolean found = false;
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                    found = true;
                    break;
                }
            }
            Assumptions.assumeTrue(found, command + " is not installed (.ci/run installs the Debian packages the"
                    + " interop tests use)");
        }
    }
}
