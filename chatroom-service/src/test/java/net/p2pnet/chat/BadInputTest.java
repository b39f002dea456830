package net.p2pnet.chat;

import static net.p2pnet.chat.ConversationTest.create;
import static net.p2pnet.chat.ConversationTest.join;
import static net.p2pnet.chat.ConversationTest.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import net.p2pnet.chat.support.SseStream;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerRequestSigner;
import net.p2pnet.model.crypto.PeerTicket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Every refusal is a problem+json with a clear detail, and leaves nothing behind. */
class BadInputTest extends ChatServiceTestBase {

    private static final PeerKey MALLORY = ChatClient.keyOf("mallory");
    private static final Set<PeerAudience> ALL = EnumSet.allOf(PeerAudience.class);

    @Test
    void requestsWithoutAValidTicketAre401() {
        String valid = PeerTicket.issue(key, MALLORY.publicKey(), ALL, "mallory", clock.instant(), Duration.ofHours(1)).encode(key);
        NetworkKey otherSecret = NetworkKey.derive("testnet", "another-secret-of-enough-length");
        String forged = PeerTicket.issue(otherSecret, MALLORY.publicKey(), ALL, "mallory", clock.instant(), Duration.ofHours(1))
                .encode(otherSecret);
        NetworkKey otherNetwork = NetworkKey.derive("othernet", SECRET);
        String foreign = PeerTicket.issue(otherNetwork, MALLORY.publicKey(), ALL, "mallory", clock.instant(), Duration.ofHours(1))
                .encode(otherNetwork);
        Instant longAgo = clock.instant().minus(Duration.ofDays(2));
        String expired = PeerTicket.issue(key, MALLORY.publicKey(), ALL, "mallory", longAgo, Duration.ofHours(1)).encode(key);
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("A") ? "BB" : "AA");

        assertUnauthorized(null, "Authorization: Bearer");
        assertUnauthorized("Basic bWFsbG9yeTpzZWNyZXQ=", "Authorization: Bearer");
        assertUnauthorized("Bearer not-a-ticket", "peer ticket");
        assertUnauthorized("Bearer " + forged, "does not match");
        assertUnauthorized("Bearer " + tampered, "peer ticket");
        assertUnauthorized("Bearer " + foreign, "othernet");
        assertUnauthorized("Bearer " + expired, "expired");
        // a valid ticket without the signature of its key: what anyone who saw the ticket has
        assertUnauthorized("Bearer " + valid, "X-P2pnet-Peer-Key");
        assertThat(ChatClient.withAuthorization(port, "Bearer " + valid, new PeerRequestSigner(MALLORY, clock))
                .get("/api/v1/rooms").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/inside", "ünïcode", "semi;colon",
            "a-name-that-is-far-too-long-for-a-room-because-it-has-more-than-64-chars"})
    void invalidRoomNamesAreRefusedAndNotStored(String name) {
        ChatClient alice = peer(uniqueName("alice"));
        HttpResponse<String> refused = alice.post("/api/v1/rooms", "{\"name\":" + ChatClient.JSON.writeValueAsString(name)
                + "}");
        assertProblem(refused, 400, "name must be 1-64 characters");
        assertThat(ChatClient.json(alice.get("/api/v1/rooms")).findValuesAsString("name")).doesNotContain(name);
    }

    @Test
    void malformedOrIncompleteBodiesAreRefused() {
        ChatClient alice = peer(uniqueName("alice"));
        assertProblem(alice.post("/api/v1/rooms", "{\"name\": "), 400, "not the expected JSON");
        assertProblem(alice.post("/api/v1/rooms", "{}"), 400, "name is required");
        assertProblem(alice.post("/api/v1/rooms", "{\"name\":\"ok-name\",\"topic\":\"" + "t".repeat(257) + "\"}"),
                400, "topic must be at most 256");
        assertThat(alice.get("/api/v1/rooms/ok-name").statusCode()).isEqualTo(404);
    }

    @Test
    void oversizedMessagesAndBadLinksAreRefusedAndNotStored() {
        String room = uniqueName("strict");
        ChatClient alice = peer(uniqueName("alice"));
        create(alice, room);
        join(alice, room, "alice");
        String path = "/api/v1/rooms/" + room + "/messages";
        assertProblem(alice.post(path, "{\"text\":\"" + "x".repeat(4097) + "\"}"), 400, "4097 bytes");
        // 2,049 characters but 4,098 bytes: the limit is on the encoded size.
        assertProblem(alice.post(path, "{\"text\":\"" + "é".repeat(2049) + "\"}"), 400, "4098 bytes");
        assertProblem(alice.post(path, "{\"text\":\"   \"}"), 400, "text is required");
        assertProblem(alice.post(path, "{\"text\":\"see\",\"link\":\"http://evil.example/x\"}"), 400, "ed2k");
        assertProblem(alice.post(path, "{\"text\":\"see\",\"link\":\"magnet:?xt=a b\"}"), 400, "whitespace");
        assertProblem(alice.post(path, "{\"text\":\"see\",\"link\":\"ed2k://|file|x|12|nothex|/\"}"), 400,
                "link is not valid");
        assertThat(ChatClient.json(alice.get(path))).isEmpty();
        assertThat(alice.post(path, "{\"text\":\"" + "x".repeat(4096) + "\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void floodingBeyondTheRateLimitIs429AndTheRefusedMessagesAreNotStored() {
        String room = uniqueName("flood");
        ChatClient spammer = peer(uniqueName("spammer"));
        create(spammer, room);
        join(spammer, room, "spammer");
        for (int i = 0; i < 5; i++) { // burst=5 in the test configuration
            say(spammer, room, "spam " + i);
        }
        HttpResponse<String> refused = spammer.post("/api/v1/rooms/" + room + "/messages", "{\"text\":\"one more\"}");
        assertProblem(refused, 429, "posting too fast");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(ChatClient.json(spammer.get("/api/v1/rooms/" + room + "/messages")).findValuesAsString("text"))
                .hasSize(5).doesNotContain("one more");
        // the bucket refills with time: one token per 10 s here
        clock.advance(Duration.ofSeconds(10));
        say(spammer, room, "after a pause");
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() {
        String room = uniqueName("huge");
        ChatClient alice = peer(uniqueName("alice"));
        create(alice, room);
        join(alice, room, "alice");
        String path = "/api/v1/rooms/" + room + "/messages";
        assertProblem(alice.post(path, "{\"text\":\"" + "x".repeat(200_000) + "\"}"), 413, "at most 65536");
        assertThat(ChatClient.json(alice.get(path))).isEmpty();
    }

    @Test
    void unknownRoomsAndNonMembersAreToldSo() {
        ChatClient alice = peer(uniqueName("alice"));
        assertProblem(alice.get("/api/v1/rooms/nowhere"), 404, "no room named 'nowhere'");
        assertProblem(alice.post("/api/v1/rooms/nowhere/messages", "{\"text\":\"hi\"}"), 404, "no room named");
        assertProblem(alice.post("/api/v1/rooms/nowhere/members", "{\"nickname\":\"a\"}"), 404, "no room named");
        assertProblem(alice.get("/api/v1/rooms/nowhere/events"), 404, "no room named");
        String room = uniqueName("members-only");
        create(alice, room);
        assertProblem(alice.post("/api/v1/rooms/" + room + "/messages", "{\"text\":\"hi\"}"), 403, "join room");
        assertProblem(alice.post("/api/v1/rooms/" + room + "/members/me/keepalive", ""), 404, "not a member");
    }

    @Test
    void duplicateRoomsAndNicknamesConflict() {
        String room = uniqueName("dupes");
        ChatClient alice = peer(uniqueName("alice"));
        ChatClient bob = peer(uniqueName("bob"));
        create(alice, room);
        assertProblem(bob.post("/api/v1/rooms", "{\"name\":\"" + room + "\"}"), 409, "already exists");
        join(alice, room, "sam");
        assertProblem(join(bob, room, "sam"), 409, "nickname 'sam' is taken");
        assertProblem(join(alice, room, "samuel"), 409, "already in room");
        assertProblem(join(bob, room, "me"), 400, "nickname must be");
        assertProblem(join(bob, room, "white space"), 400, "nickname must be");
        assertThat(ChatClient.json(alice.get("/api/v1/rooms/" + room + "/members")).findValuesAsString("nickname"))
                .containsExactly("sam");
    }

    @Test
    void badPagingParametersAndLastEventIdsAreRefused() {
        String room = uniqueName("paging");
        ChatClient alice = peer(uniqueName("alice"));
        create(alice, room);
        assertProblem(alice.get("/api/v1/rooms/" + room + "/messages?limit=0"), 400, "limit");
        assertProblem(alice.get("/api/v1/rooms/" + room + "/messages?limit=501"), 400, "limit");
        assertProblem(alice.get("/api/v1/rooms/" + room + "/messages?after=-1"), 400, "after");
        assertProblem(alice.get("/api/v1/rooms/" + room + "/messages?after=abc"), 400, "after");
    }

    @Test
    void aLastEventIdThatIsNotAnEventIdIsRefused() throws Exception {
        String room = uniqueName("resume-bad");
        ChatClient alice = peer(uniqueName("alice"));
        create(alice, room);
        try (SseStream stream = alice.events(room, "abc")) {
            assertThat(stream.response().statusCode()).isEqualTo(400);
            assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(new String(stream.response().body().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Last-Event-ID must be");
        }
    }

    private void assertUnauthorized(String authorization, String detail) {
        HttpResponse<String> response = ChatClient.withAuthorization(port, authorization)
                .post("/api/v1/rooms", "{\"name\":\"" + uniqueName("unauth") + "\"}");
        assertProblem(response, 401, detail);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"p2pnet\"");
    }

    static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = ChatClient.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).contains(detailPart);
    }
}
