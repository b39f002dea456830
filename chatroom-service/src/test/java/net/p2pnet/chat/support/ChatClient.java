package net.p2pnet.chat.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.Supplier;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerRequestSigner;
import net.p2pnet.model.crypto.PeerTicket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One peer talking to the chatroom service over real HTTP, with a ticket as a rendezvous server issues it and its own key. */
public final class ChatClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    private final String authorization;
    private final PeerRequestSigner signer;

    private ChatClient(String base, String authorization, PeerRequestSigner signer) {
        this.base = base;
        this.authorization = authorization;
        this.signer = signer;
    }

    /**
     * A peer as an agent is one: a key of its own (the same for the same {@code name}, so a test can
     * come back as the same peer), a fresh ticket of {@code key}'s network bound to it, issued at
     * {@code clock}'s now, and every request signed with the key.
     */
    public static ChatClient peer(int port, NetworkKey key, Clock clock, String name) {
        PeerKey peerKey = keyOf(name);
        String token = PeerTicket.issue(key, peerKey.publicKey(), EnumSet.allOf(PeerAudience.class), name + "-name",
                clock.instant(), Duration.ofHours(12)).encode(key);
        return new ChatClient("http://127.0.0.1:" + port, PeerTicket.authorizationHeader(token),
                new PeerRequestSigner(peerKey, clock));
    }

    /** The key of the test peer called {@code name}. */
    public static PeerKey keyOf(String name) {
        try {
            return PeerKey.fromSeed(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client sending exactly this Authorization header (null: none) and no signature. */
    public static ChatClient withAuthorization(int port, String authorization) {
        return new ChatClient("http://127.0.0.1:" + port, authorization, null);
    }

    /** A client sending exactly this Authorization header, signing with {@code signer}'s key. */
    public static ChatClient withAuthorization(int port, String authorization, PeerRequestSigner signer) {
        return new ChatClient("http://127.0.0.1:" + port, authorization, signer);
    }

    public HttpResponse<String> get(String path) {
        return send(request("GET", path, null).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request("POST", path, json).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * POSTs the stream's bytes without a length (HTTP/1.1 sends them chunked), signed as
     * {@code signedBody} (the same bytes, or anything when the service must refuse the body first).
     */
    public HttpResponse<String> postChunked(String path, String signedBody, Supplier<InputStream> body) {
        return send(request("POST", path, signedBody).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request("PUT", path, json).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request("DELETE", path, null).DELETE());
    }

    /** The headers this client would send with a request (signature included), to replay them elsewhere. */
    public java.util.Map<String, String> headers(String method, String path, String body) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (signer != null) {
            headers.putAll(signer.sign(PeerAudience.CHATROOM, method, path,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8)).headers());
        }
        return headers;
    }

    /** Opens {@code GET /api/v1/rooms/{room}/events}, resuming after {@code lastEventId} when not null. */
    public SseStream events(String room, String lastEventId) {
        HttpRequest.Builder request = request("GET", "/api/v1/rooms/" + room + "/events", null)
                .header("Accept", "text/event-stream");
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

    private HttpRequest.Builder request(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers(method, path, body).forEach(builder::header);
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
