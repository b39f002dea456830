package net.p2pnet.rendezvous.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.RequestSigner;
import net.p2pnet.model.crypto.SignedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: real sockets, JSON in and out, optional request signing. */
public final class TestHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {
    }

    public static HttpResponse<String> get(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    public static HttpResponse<String> delete(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), headers);
    }

    public static HttpResponse<String> post(String url, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public static HttpResponse<String> put(String url, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** Signs {@code method path body} with {@code purpose}'s sub-key and returns the headers to send. */
    public static String[] signed(NetworkKey key, KeyPurpose purpose, String signer, String method, String path,
            String body) {
        SignedRequest signature = new RequestSigner(key, purpose, signer, Clock.systemUTC())
                .sign(method, path, body.getBytes(StandardCharsets.UTF_8));
        return headers(signature.headers());
    }

    public static String[] headers(Map<String, String> headers) {
        return headers.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    public static String[] bearer(String ticket) {
        return new String[] {"Authorization", "Bearer " + ticket};
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            return HTTP.send(builder.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
