package net.p2pnet.agent.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Another p2pnet service (rendezvous, tracker, chatroom) running from its built jar in a JVM of
 * its own, as in production. The peer agent depends on those services' REST contracts only, never
 * on their code, so the tests talk to the real thing over sockets. A full reactor build packages
 * the other modules before the agent's tests run; a build of this module alone skips these tests.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The jar of module {@code module}, or the test is skipped when it has not been built. */
    public static Path jar(String module) {
        Path jar = Path.of("..", module, "target", module + ".jar").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built (a full './mvnw verify' builds it first)");
        return jar;
    }

    public static ServiceProcess start(Path jar, Path dataDir, Path log, String... properties) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port,
                "--p2pnet.data-dir=" + dataDir, "--spring.jmx.enabled=false"));
        for (String property : properties) {
            command.add("--" + property.replace("{port}", Integer.toString(port)));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, port);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(jar.getFileName() + " exited; see " + log);
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        });
        return service;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Kills the service at once, as a crash would (no goodbye to anyone). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
