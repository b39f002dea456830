package net.p2pnet.chat;

import static net.p2pnet.chat.BadInputTest.assertProblem;
import static net.p2pnet.chat.ConversationTest.create;
import static net.p2pnet.chat.ConversationTest.join;
import static net.p2pnet.chat.ConversationTest.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerRequestSigner;
import org.junit.jupiter.api.Test;

/**
 * Replays what a hostile source did with the ticket an agent used to send to every source it
 * downloaded from (issue 16): creating rooms and acting as the victim. A ticket alone, a ticket
 * signed with another key, a captured signed request and a signature made for another service are
 * all refused; the victim and everyone else keep chatting.
 */
class StolenTicketTest extends ChatServiceTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aSeenTicketCannotCreateRoomsOrActAsItsOwner() throws Exception {
        String victimName = uniqueName("victim");
        ChatClient victim = peer(victimName);
        String victimTicket = victim.headers("GET", "/", null).get("Authorization");
        String room = uniqueName("hijacked");
        String create = "{\"name\":\"" + room + "\"}";

        // the bare ticket, as a source received it
        assertProblem(ChatClient.withAuthorization(port, victimTicket).post("/api/v1/rooms", create), 401,
                "X-P2pnet-Peer-Key");
        // the ticket signed with the thief's own key
        ChatClient thief = ChatClient.withAuthorization(port, victimTicket,
                new PeerRequestSigner(ChatClient.keyOf(uniqueName("mallory")), clock));
        assertProblem(thief.post("/api/v1/rooms", create), 401, "bound to another key");
        // a signature of the victim's key made for the rendezvous server, replayed here
        Map<String, String> forRendezvous = new java.util.LinkedHashMap<>(Map.of("Authorization", victimTicket));
        forRendezvous.putAll(new PeerRequestSigner(ChatClient.keyOf(victimName), clock).sign(PeerAudience.RENDEZVOUS,
                "POST", "/api/v1/rooms", create.getBytes(StandardCharsets.UTF_8)).headers());
        assertProblem(send("POST", "/api/v1/rooms", create, forRendezvous), 401, "does not match");
        assertThat(victim.get("/api/v1/rooms/" + room).statusCode()).isEqualTo(404);

        // the victim itself still creates it, and others still chat in it
        create(victim, room);
        join(victim, room, "victim");
        ChatClient bystander = peer(uniqueName("bystander"));
        join(bystander, room, "bystander");
        say(bystander, room, "still here");
    }

    @Test
    void aCapturedSignedRequestIsGoodOnce() throws Exception {
        ChatClient owner = peer(uniqueName("owner"));
        String room = uniqueName("kept");
        create(owner, room);
        String path = "/api/v1/rooms/" + room;
        // the owner's topic change goes through once; the same request again is refused
        String topic = "{\"topic\":\"mine\"}";
        Map<String, String> topicHeaders = owner.headers("PUT", path + "/topic", topic);
        assertThat(send("PUT", path + "/topic", topic, topicHeaders).statusCode()).isEqualTo(200);
        assertProblem(send("PUT", path + "/topic", topic, topicHeaders), 401, "replayed");
        // a delete signed for one room cannot be moved to another
        Map<String, String> captured = owner.headers("DELETE", path, null);
        String otherRoom = uniqueName("other");
        create(owner, otherRoom);
        assertProblem(send("DELETE", "/api/v1/rooms/" + otherRoom, null, captured), 401, "does not match");
        assertThat(owner.get(path).statusCode()).isEqualTo(200);
        assertThat(owner.get("/api/v1/rooms/" + otherRoom).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
