package net.p2pnet.system;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One p2pnet service running from its built jar as a separate JVM on a free loopback port, as an
 * operator would run it. Its output goes to a log file whose tail is shown when it fails to start.
 * {@link #startOn} runs it elsewhere: on a test-bed host (a network namespace) at that host's address.
 */
final class ServiceProcess implements AutoCloseable {

    /**
     * Where a service runs: the command its JVM is started through (empty, or {@code ip netns exec NS}),
     * the address it binds and is reached at, and the bearer token its health check needs (an agent's
     * control API refuses callers from other hosts without one), or null.
     */
    record Placement(List<String> launcher, String address, String healthToken) {
        static final Placement LOOPBACK = new Placement(List.of(), "127.0.0.1", null);
    }

    /** 4 minutes; {@code -Dp2pnet.system.start-limit=10m} gives a machine under heavy load longer. */
    private static final Duration START_LIMIT = Duration.parse("PT"
            + System.getProperty("p2pnet.system.start-limit", "4m").toUpperCase());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String address;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, String address, int port, Process process, Path log) {
        this.name = name;
        this.address = address;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code module}'s jar with {@code --server.port} and {@code --p2pnet.data-dir} set, and waits until healthy. */
    static ServiceProcess start(String name, String module, Path dataDir, Map<String, String> environment,
                                List<String> arguments) throws IOException, InterruptedException {
        return start(name, module, freePort(), dataDir, environment, arguments);
    }

    static ServiceProcess start(String name, String module, int port, Path dataDir, Map<String, String> environment,
                                List<String> arguments) throws IOException, InterruptedException {
        return startOn(Placement.LOOPBACK, name, module, port, dataDir, environment, arguments);
    }

    /** Starts {@code module}'s jar as {@link #start} does, placed as {@code placement} says. */
    static ServiceProcess startOn(Placement placement, String name, String module, int port, Path dataDir,
                                  Map<String, String> environment, List<String> arguments)
            throws IOException, InterruptedException {
        Path jar = BuiltJar.of(module);
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(placement.launcher());
        command.addAll(List.of(javaExecutable(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xmx256m", "-jar", jar.toString(), "--server.port=" + port, "--server.address=" + placement.address(),
                "--p2pnet.data-dir=" + dataDir.toAbsolutePath()));
        command.addAll(arguments);
        Path log = dataDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        ServiceProcess service = new ServiceProcess(name, placement.address(), port, builder.start(), log);
        service.awaitHealthy(placement.healthToken());
        return service;
    }

    String url() {
        return "http://" + address + ":" + port;
    }

    int port() {
        return port;
    }

    /** Ends the process at once, as {@code kill -9} would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitHealthy(String token) throws IOException, InterruptedException {
        try {
            await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> healthy(token));
        } catch (ConditionTimeoutException e) {
            kill();
            throw new IllegalStateException(name + " was not healthy within " + START_LIMIT + ":\n" + logTail());
        }
    }

    /** Up and answering its health check; a process that exited stops the wait at once. */
    private boolean healthy(String token) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up:\n" + logTail());
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> health = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Map<String, String> env(String... keyValues) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return Map.copyOf(env);
    }
}
