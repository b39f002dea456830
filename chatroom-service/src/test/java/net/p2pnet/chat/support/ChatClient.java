package net.p2pnet.chat.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerTicket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One peer talking to the chatroom service over real HTTP, with a ticket as a rendezvous server issues it. */
public final class ChatClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    private final String authorization;

    private ChatClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** A peer with a fresh ticket of {@code key}'s network, issued at {@code clock}'s now. */
    public static ChatClient peer(int port, NetworkKey key, Clock clock, String peerId) {
        String token = PeerTicket.issue(key, peerId, peerId + "-name", clock.instant(), Duration.ofHours(12))
                .encode(key);
        return withAuthorization(port, PeerTicket.authorizationHeader(token));
    }

    /** A client sending exactly this Authorization header (null: none). */
    public static ChatClient withAuthorization(int port, String authorization) {
        return new ChatClient("http://127.0.0.1:" + port, authorization);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs the stream's bytes without a length: HTTP/1.1 sends them chunked. */
    public HttpResponse<String> postChunked(String path, Supplier<InputStream> body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Opens {@code GET /api/v1/rooms/{room}/events}, resuming after {@code lastEventId} when not null. */
    public SseStream events(String room, String lastEventId) {
        HttpRequest.Builder request = request("/api/v1/rooms/" + room + "/events").header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new SseStream(response);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
