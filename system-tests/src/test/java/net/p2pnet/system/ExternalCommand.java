package net.p2pnet.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an OS command to completion with a time limit, capturing its combined output. */
record ExternalCommand(int exitCode, String output) {

    static ExternalCommand run(Path workDir, Duration limit, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // read on another thread, so the time limit holds even if the command never closes its output
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + limit);
        }
        try {
            return new ExternalCommand(process.exitValue(),
                    new String(out.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return new ExternalCommand(process.exitValue(), "(output not complete: " + e + ")");
        }
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("p2pnet.root", "..")).toAbsolutePath().normalize();
    }
}
