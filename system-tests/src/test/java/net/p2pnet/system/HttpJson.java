package net.p2pnet.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for talking to the services the way any other client would. */
final class HttpJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Answer get(String url, String bearer) throws IOException, InterruptedException {
        return send(request(url, bearer).GET());
    }

    Answer post(String url, String bearer, Object body) throws IOException, InterruptedException {
        return send(request(url, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer delete(String url, String bearer) throws IOException, InterruptedException {
        return send(request(url, bearer).DELETE());
    }

    private static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
