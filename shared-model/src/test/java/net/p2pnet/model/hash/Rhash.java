package net.p2pnet.model.hash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs rhash or sha1sum (Debian packages rhash, coreutils) on one file and returns its first word or line. */
final class Rhash {

    private Rhash() {
    }

    /** The whole first output line of {@code tool args... file}, run in the file's directory. */
    static String line(Path file, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of(command));
        full.add(file.getFileName().toString());
        Process process = new ProcessBuilder(full).directory(file.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(full + " did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(full + " failed with status " + process.exitValue() + ": " + text);
        }
        return text.lines().findFirst().orElseThrow(() -> new IOException(full + " printed nothing"));
    }

    /** The first word of the output: the hash for {@code --simple} and sha1sum. */
    static String hash(Path file, String... command) throws IOException, InterruptedException {
        return line(file, command).split("\\s+")[0];
    }
}
