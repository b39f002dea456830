package net.p2pnet.agent.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import net.p2pnet.agent.testkit.TestAgent;
import org.springframework.core.env.Environment;

/**
 * A {@link TestAgent} seen from its control port: the REST calls a user, the CLI or the web UI
 * make. Closing it is a clean shutdown; starting another on the same directory is a restart.
 */
public final class RunningAgent implements AutoCloseable {

    private final TestAgent agent;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningAgent(TestAgent agent) {
        this.agent = agent;
    }

    public static RunningAgent start(Path dir, String... properties) {
        return new RunningAgent(TestAgent.start(dir, properties));
    }

    public int port() {
        return Integer.parseInt(agent.bean(Environment.class).getRequiredProperty("local.server.port"));
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public <T> T bean(Class<T> type) {
        return agent.bean(type);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        agent.close();
    }
}
