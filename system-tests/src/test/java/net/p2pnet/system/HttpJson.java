package net.p2pnet.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerRequestSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for talking to the services the way any other client would. */
final class HttpJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PeerRequestSigner signer;
    private final PeerAudience audience;

    HttpJson() {
        this(null, null);
    }

    private HttpJson(PeerRequestSigner signer, PeerAudience audience) {
        this.signer = signer;
        this.audience = audience;
    }

    /** A client that signs every request with a peer's own key for {@code audience}, as agents do. */
    HttpJson signedBy(PeerKey key, PeerAudience audience) {
        return new HttpJson(new PeerRequestSigner(key, Clock.systemUTC()), audience);
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Answer get(String url, String bearer) throws IOException, InterruptedException {
        return send(request("GET", url, bearer, null).GET());
    }

    Answer post(String url, String bearer, Object body) throws IOException, InterruptedException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return send(request("POST", url, bearer, bytes).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    Answer delete(String url, String bearer) throws IOException, InterruptedException {
        return send(request("DELETE", url, bearer, null).DELETE());
    }

    private HttpRequest.Builder request(String method, String url, String bearer, byte[] body) {
        URI uri = URI.create(url);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (signer != null) {
            String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            signer.sign(audience, method, path, body).headers().forEach(builder::header);
        }
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
