package net.p2pnet.agent.upstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.p2pnet.agent.identity.PeerIdentity;
import net.p2pnet.model.api.HeartbeatResponse;
import net.p2pnet.model.api.PeerHeartbeat;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.api.PeerRegistrationResponse;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.net.BoundedBody;
import net.p2pnet.model.net.ServerAddress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP calls to one rendezvous server's client API ({@code /api/v1/peers}, {@code /api/v1/rooms}),
 * each signed with this agent's key.
 * Answers are read as JSON trees and passed on: the agent needs only a few fields of them and must
 * not break when a server adds more.
 */
@Component
class RendezvousApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json;
    private final PeerIdentity identity;

    RendezvousApi(JsonMapper json, PeerIdentity identity) {
        this.json = json;
        this.identity = identity;
    }

    /** Registers, signed with this agent's key (the peer id is derived from it). */
    PeerRegistrationResponse register(ServerAddress server, PeerRegistration registration) {
        byte[] body = json.writeValueAsBytes(registration);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, "/api/v1/peers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return json.treeToValue(call(server, signed(request, "POST", server, "/api/v1/peers", body, null), "register"),
                PeerRegistrationResponse.class);
    }

    HeartbeatResponse heartbeat(ServerAddress server, String peerId, String ticket, int transferPort) {
        String path = "/api/v1/peers/" + peerId + "/heartbeat";
        byte[] body = json.writeValueAsBytes(new PeerHeartbeat(transferPort));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        return json.treeToValue(call(server, signed(request, "PUT", server, path, body, ticket), "heartbeat"),
                HeartbeatResponse.class);
    }

    void leave(ServerAddress server, String peerId, String ticket) {
        String path = "/api/v1/peers/" + peerId;
        call(server, signed(HttpRequest.newBuilder(uri(server, path)).DELETE(), "DELETE", server, path, null, ticket),
                "leave");
    }

    JsonNode get(ServerAddress server, String pathAndQuery, String ticket) {
        return call(server, signed(HttpRequest.newBuilder(uri(server, pathAndQuery)).GET(), "GET", server, pathAndQuery,
                null, ticket), "GET " + pathAndQuery);
    }

    /** Every request is signed with this agent's key; all but the registration also carry the ticket. */
    private HttpRequest.Builder signed(HttpRequest.Builder request, String method, ServerAddress server,
            String pathAndQuery, byte[] body, String ticket) {
        return new PeerAuth(ticket, identity.signer(), PeerAudience.RENDEZVOUS).sign(request, method,
                uri(server, pathAndQuery), body);
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
