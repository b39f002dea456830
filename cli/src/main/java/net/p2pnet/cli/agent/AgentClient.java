package net.p2pnet.cli.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.api.AddShareRequest;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.api.FileHit;
import net.p2pnet.model.api.RendezvousSessionView;
import net.p2pnet.model.api.RoomEntry;
import net.p2pnet.model.api.RoomMembership;
import net.p2pnet.model.api.ShareView;
import net.p2pnet.model.net.BoundedBody;
import net.p2pnet.model.net.SseReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A typed client of one agent's control API ({@code /api/v1}), answering with shared-model DTOs.
 * Failures become {@link AgentCallException} carrying the problem detail the agent sent, so the CLI
 * prints one clear line. The chat calls answer with the chatroom service's JSON as the agent relays it.
 */
public final class AgentClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Lists of many shares or downloads stay far below this. */
    private static final int MAX_ANSWER = 16 << 20;

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // an agent newer than this CLI may add fields to its answers
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public AgentClient(String url, String token) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.base = URI.create(trimmed);
        this.token = token;
    }

    public RendezvousSessionView network() {
        return read(get("/api/v1/network"), RendezvousSessionView.class);
    }

    public List<DownloadView> downloads() {
        return readList(get("/api/v1/downloads"), DownloadView.class);
    }

    public DownloadView download(String id) {
        return read(get("/api/v1/downloads/" + encode(id)), DownloadView.class);
    }

    public DownloadView add(AddDownloadRequest request) {
        return read(post("/api/v1/downloads", request), DownloadView.class);
    }

    /** Uploads a .torrent file as multipart/form-data (part {@code torrent}) with its mirrors and sources. */
    public DownloadView addTorrent(Path file, List<String> mirrors, List<String> sources) throws IOException {
        StringBuilder query = new StringBuilder();
        mirrors.forEach(m -> query.append(query.isEmpty() ? "?" : "&").append("mirrors=").append(encode(m)));
        sources.forEach(s -> query.append(query.isEmpty() ? "?" : "&").append("sources=").append(encode(s)));
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
        byte[] answer = send(request("/api/v1/downloads" + query).header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)), "/api/v1/downloads");
        return read(answer, DownloadView.class);
    }

    public DownloadView pause(String id) {
        return read(post("/api/v1/downloads/" + encode(id) + "/pause", Map.of()), DownloadView.class);
    }

    public DownloadView resume(String id) {
        return read(post("/api/v1/downloads/" + encode(id) + "/resume", Map.of()), DownloadView.class);
    }

    /** Cancels a download; the agent deletes its incomplete data. */
    public void cancel(String id) {
        String path = "/api/v1/downloads/" + encode(id);
        send(request(path).DELETE(), path);
    }

    public List<ShareView> shares() {
        return readList(get("/api/v1/shares"), ShareView.class);
    }

    /** Shares a file or directory on the agent's machine; answers the files it will hash. */
    public List<ShareView> share(String path) {
        return readList(post("/api/v1/shares", new AddShareRequest(path)), ShareView.class);
    }

    public List<FileHit> search(String words) {
        return readList(get("/api/v1/search?q=" + encode(words)), FileHit.class);
    }

    public List<RoomEntry> rooms() {
        return readList(get("/api/v1/rooms"), RoomEntry.class);
    }

    /** Creates a room on the network's chatroom service; the answer is the service's room plus {@code hostUrl}. */
    public JsonNode createRoom(String name, String topic, boolean privateRoom) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", name, "private", privateRoom));
        if (topic != null) {
            body.put("topic", topic);
        }
        return tree(post("/api/v1/rooms", body));
    }

    public RoomMembership join(String room) {
        return read(post("/api/v1/rooms/" + encode(room) + "/join", Map.of()), RoomMembership.class);
    }

    /** Posts a message to a joined room; {@code link} (a shared file's link) may be null. */
    public void say(String room, String text, String link) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("text", text));
        if (link != null) {
            body.put("link", link);
        }
        post("/api/v1/rooms/" + encode(room) + "/messages", body);
    }

    /** The latest messages of a joined room, as the chatroom service lists them. */
    public JsonNode messages(String room) {
        return tree(get("/api/v1/rooms/" + encode(room) + "/messages"));
    }

    /** Follows the agent's event stream until interrupted or the stream ends. */
    public void events(Consumer<SseReader.Event> sink) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/events")).header("Accept", "text/event-stream")
                .headers(auth()).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new AgentCallException("the agent answered " + response.statusCode() + " to /api/v1/events");
            }
            new SseReader(sink).readAll(in);
        }
    }

    /** An event's JSON data, e.g. a {@code room} event's {@code {"room", "type", "event"}}. */
    public JsonNode parse(String eventData) {
        return json.readTree(eventData);
    }

    private byte[] get(String path) {
        return send(request(path).GET(), path);
    }

    private byte[] post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).headers(auth());
    }

    private String[] auth() {
        return token == null ? new String[] {"Accept", "application/json"}
                : new String[] {"Accept", "application/json", "Authorization", "Bearer " + token};
    }

    private byte[] send(HttpRequest.Builder request, String path) {
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
        if (response.statusCode() / 100 != 2) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            String detail = text;
            try {
                detail = json.readTree(response.body()).path("detail").asString(text);
            } catch (JacksonException notJson) {
                // a proxy's or a servlet container's page: shown as it came
            }
            throw new AgentCallException(path + ": " + response.statusCode() + " " + detail, response.statusCode());
        }
        return response.body();
    }

    private <T> T read(byte[] body, Class<T> type) {
        return read(body, json.constructType(type));
    }

    private <T> List<T> readList(byte[] body, Class<T> element) {
        return read(body, json.getTypeFactory().constructCollectionType(List.class, element));
    }

    private <T> T read(byte[] body, JavaType type) {
        try {
            return json.readValue(body, type);
        } catch (JacksonException e) {
            throw new AgentCallException("the agent's answer is not a " + type.getRawClass().getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    private JsonNode tree(byte[] body) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException e) {
            throw new AgentCallException("the agent's answer is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName() + " (is the agent running?)";
    }
}
