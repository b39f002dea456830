package net.p2pnet.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an OS command to completion with a time limit, capturing its combined output. */
record ExternalCommand(int exitCode, String output) {

    static ExternalCommand run(Path workDir, Duration limit, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + limit);
        }
        return new ExternalCommand(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("p2pnet.root", "..")).toAbsolutePath().normalize();
    }
}
