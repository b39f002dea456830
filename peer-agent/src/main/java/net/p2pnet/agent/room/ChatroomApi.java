package net.p2pnet.agent.room;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.p2pnet.agent.upstream.PeerAuth;
import net.p2pnet.agent.upstream.UpstreamException;
import net.p2pnet.model.net.BoundedBody;
import net.p2pnet.model.net.SseReader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to a chatroom service's {@code /api/v1/rooms/{name}/...} API, authenticated with this
 * agent's peer ticket and a signature by its own key. Answers are passed on as JSON trees.
 */
@Component
class ChatroomApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json;

    ChatroomApi(JsonMapper json) {
        this.json = json;
    }

    /**
     * Creates a room; the service's refusals come back as room exceptions carrying its own words:
     * 409 (name taken) as a conflict, 400 (invalid name or topic) as a bad request.
     */
    JsonNode create(String host, String room, String topic, boolean privateRoom, PeerAuth auth) {
        var body = json.createObjectNode().put("name", room).put("private", privateRoom);
        if (topic != null && !topic.isBlank()) {
            body.put("topic", topic);
        }
        URI uri = URI.create(base(host) + "/api/v1/rooms");
        HttpResponse<byte[]> response = exchange(host, jsonRequest(uri, auth, "POST", body));
        int status = response.statusCode();
        if (status / 100 == 2) {
            return json.readTree(response.body());
        }
        String detail = detail(response.body());
        if (status == 409) {
            throw new RoomConflictException("room '" + room + "' cannot be created: " + detail);
        }
        if (status == 400) {
            throw new RoomException("room '" + room + "' refused by the chatroom service: " + detail, false);
        }
        throw new UpstreamException("chatroom service " + host + " answered " + status + " to creating room " + room
                + ": " + detail, status);
    }

    JsonNode join(String host, String room, String nickname, PeerAuth auth) {
        return send(host, room, "/members", auth, "POST", json.createObjectNode().put("nickname", nickname));
    }

    void leave(String host, String room, PeerAuth auth) {
        send(host, room, "/members/me", auth, "DELETE", null);
    }

    JsonNode post(String host, String room, String text, String link, PeerAuth auth) {
        var body = json.createObjectNode().put("text", text);
        if (link != null) {
            body.put("link", link);
        }
        return send(host, room, "/messages", auth, "POST", body);
    }

    JsonNode messages(String host, String room, Long after, int limit, PeerAuth auth) {
        String query = "/messages?limit=" + limit + (after == null ? "" : "&after=" + after);
        return send(host, room, query, auth, "GET", null);
    }

    /**
     * Reads the room's event stream until it ends or fails; blocks the calling thread.
     *
     * @param lastEventId resume after this event (null: from now)
     */
    void stream(String host, String room, PeerAuth auth, String lastEventId, Consumer<SseReader.Event> sink)
            throws IOException, InterruptedException {
        URI uri = uri(host, room, "/events");
        HttpRequest.Builder request = auth.sign(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream"),
                "GET", uri, null);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("chatroom service " + host + " answered " + response.statusCode()
                        + " to the event stream of " + room);
            }
            new SseReader(sink).readAll(in);
        }
    }

    private JsonNode send(String host, String room, String path, PeerAuth auth, String method, JsonNode body) {
        HttpResponse<byte[]> response = exchange(host, jsonRequest(uri(host, room, path), auth, method, body));
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamException("chatroom service " + host + " answered " + response.statusCode() + " to "
                    + method + " " + path + " of room " + room + ": " + new String(response.body(), StandardCharsets.UTF_8),
                    response.statusCode());
        }
        return response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
    }

    private HttpRequest jsonRequest(URI uri, PeerAuth auth, String method, JsonNode body) {
        byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
        HttpRequest.Builder request = auth.sign(HttpRequest.newBuilder(uri).timeout(TIMEOUT), method, uri, bytes)
                .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.build();
    }

    private HttpResponse<byte[]> exchange(String host, HttpRequest request) {
        try {
            return BoundedBody.send(http, request, BoundedBody.bytes(BoundedBody.JSON), TIMEOUT);
        } catch (IOException e) {
            throw new UpstreamException("chatroom service " + host + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while calling chatroom service " + host, e);
        }
    }

    /** The {@code detail} of a problem answer, else the body as text. */
    private String detail(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            return json.readTree(body).path("detail").asString(text);
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static String base(String host) {
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    private static URI uri(String host, String room, String path) {
        return URI.create(base(host) + "/api/v1/rooms/" + URLEncoder.encode(room, StandardCharsets.UTF_8) + path);
    }
}
