package net.p2pnet.agent.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import net.p2pnet.model.net.BoundedBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI's HTTP client for one agent's control API. Failures become {@link AgentCallException}
 * carrying the problem detail the agent sent, so the CLI prints one clear line.
 */
final class AgentClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String token;
    /** Lists of many shares or downloads stay far below this. */
    private static final int MAX_ANSWER = 16 << 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    AgentClient(String url, String token) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.base = URI.create(trimmed);
        this.token = token;
    }

    JsonMapper json() {
        return json;
    }

    JsonNode get(String path) {
        return send(request(path).GET(), path);
    }

    JsonNode post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), path);
    }

    JsonNode delete(String path) {
        return send(request(path).DELETE(), path);
    }

    /** Uploads a .torrent file as multipart/form-data (part {@code torrent}) with its mirrors and sources. */
    JsonNode uploadTorrent(Path file, List<String> mirrors, List<String> sources) throws IOException {
        StringBuilder query = new StringBuilder();
        mirrors.forEach(m -> query.append(query.isEmpty() ? "?" : "&").append("mirrors=").append(encode(m)));
        sources.forEach(s -> query.append(query.isEmpty() ? "?" : "&").append("sources=").append(encode(s)));
        String path = "/api/v1/downloads" + query;
        String boundary = "p2pnet-cli-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"torrent\"; filename=\""
                + file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: application/x-bittorrent\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] content = Files.readAllBytes(file);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "/api/v1/downloads");
    }

    /** Follows the agent's event stream until interrupted or the stream ends. */
    void events(Consumer<String[]> sink) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/events")).header("Accept", "text/event-stream")
                .headers(auth()).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new AgentCallException("the agent answered " + response.statusCode() + " to /api/v1/events");
            }
            new net.p2pnet.agent.room.SseReader(event -> sink.accept(new String[] {event.name(), event.data()}))
                    .readAll(in);
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).headers(auth());
    }

    private String[] auth() {
        return token == null ? new String[] {"Accept", "application/json"}
                : new String[] {"Accept", "application/json", "Authorization", "Bearer " + token};
    }

    private JsonNode send(HttpRequest.Builder request, String path) {
        HttpResponse<byte[]> response;
        try {
            // --url may name an agent elsewhere: its answers are budgeted like any other machine's
            response = BoundedBody.send(http, request.build(), BoundedBody.bytes(MAX_ANSWER), TIMEOUT);
        } catch (IOException e) {
            throw new AgentCallException("cannot reach the agent at " + base + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentCallException("interrupted");
        }
        JsonNode body = response.body().length == 0 ? json.createObjectNode() : parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String detail = body.path("detail").asString(new String(response.body(), StandardCharsets.UTF_8));
            throw new AgentCallException(path + ": " + response.statusCode() + " " + detail, response.statusCode());
        }
        return body;
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return json.getNodeFactory().stringNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName() + " (is the agent running?)";
    }
}
