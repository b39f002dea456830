package net.p2pnet.agent.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.p2pnet.agent.PeerAgentApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real agent (its whole Spring context) on a random control port and a random transfer port,
 * with its data in {@code dataDir}; closing it is a clean shutdown, starting another one on the
 * same directory is a restart.
 */
public final class RunningAgent implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningAgent(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningAgent start(Path dataDir, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--p2pnet.data-dir=" + dataDir,
                "--p2pnet.agent.transfer-port=0", "--p2pnet.agent.download-dir=" + dataDir.resolve("downloads"),
                "--spring.jmx.enabled=false"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new RunningAgent(new SpringApplicationBuilder(PeerAgentApplication.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
