package net.p2pnet.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;

/** The reference tools the interop tests compare with: a test is skipped, saying which, where one is missing. */
public final class ReferenceTools {

    private ReferenceTools() {
    }

    /** Skips the calling test unless every command is an executable on the PATH ({@code .ci/run} installs them). */
    public static void assumeInstalled(String... commands) {
        String[] path = System.getenv().getOrDefault("PATH", "").split(File.pathSeparator);
        for (String command : commands) {
            boolean found = Arrays.stream(path).anyMatch(dir -> !dir.isEmpty()
                    && Files.isExecutable(Path.of(dir, command)));
            Assumptions.assumeTrue(found, command + " is not installed (.ci/run installs the Debian packages the"
                    + " interop tests use)");
        }
    }
}
