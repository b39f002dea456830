package net.p2pnet.agent.network;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.p2pnet.model.api.HeartbeatResponse;
import net.p2pnet.model.api.PeerHeartbeat;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.api.PeerRegistrationResponse;
import net.p2pnet.model.net.BoundedBody;
import net.p2pnet.model.net.ServerAddress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP calls to one rendezvous server's client API ({@code /api/v1/peers}, {@code /api/v1/rooms}).
 * Answers are read as JSON trees and passed on: the agent needs only a few fields of them and must
 * not break when a server adds more.
 */
@Component
class RendezvousApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json;

    RendezvousApi(JsonMapper json) {
        this.json = json;
    }

    /** @param previousTicket the last ticket, proving the peer id is ours when registering from a new address */
    PeerRegistrationResponse register(ServerAddress server, PeerRegistration registration, String previousTicket) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, "/api/v1/peers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(registration)));
        return json.treeToValue(call(server, bearer(request, previousTicket), "register"), PeerRegistrationResponse.class);
    }

    HeartbeatResponse heartbeat(ServerAddress server, String peerId, String ticket, int transferPort) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, "/api/v1/peers/" + peerId + "/heartbeat"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(new PeerHeartbeat(transferPort))));
        return json.treeToValue(call(server, bearer(request, ticket), "heartbeat"), HeartbeatResponse.class);
    }

    void leave(ServerAddress server, String peerId, String ticket) {
        call(server, bearer(HttpRequest.newBuilder(uri(server, "/api/v1/peers/" + peerId)).DELETE(), ticket), "leave");
    }

    JsonNode get(ServerAddress server, String pathAndQuery, String ticket) {
        return call(server, bearer(HttpRequest.newBuilder(uri(server, pathAndQuery)).GET(), ticket), "GET " + pathAndQuery);
    }

    private static HttpRequest.Builder bearer(HttpRequest.Builder request, String ticket) {
        return ticket == null ? request : request.header("Authorization", "Bearer " + ticket);
    }

    private JsonNode call(ServerAddress server, HttpRequest.Builder request, String what) {
        HttpResponse<byte[]> response;
        try {
            response = BoundedBody.send(http, request.timeout(TIMEOUT).build(), BoundedBody.bytes(BoundedBody.JSON), TIMEOUT);
        } catch (IOException e) {
            throw new UpstreamException("rendezvous server " + server + " unreachable (" + what + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while calling rendezvous server " + server, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamException("rendezvous server " + server + " answered " + response.statusCode() + " to "
                    + what + ": " + UpstreamProblem.describe(response.body()), response.statusCode());
        }
        return response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
    }

    private static URI uri(ServerAddress server, String pathAndQuery) {
        return server.httpUri().resolve(pathAndQuery);
    }
}
