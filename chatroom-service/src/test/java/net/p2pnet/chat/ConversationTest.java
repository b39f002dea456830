package net.p2pnet.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import net.p2pnet.chat.support.SseEvent;
import net.p2pnet.chat.support.SseStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Members meet in a room over real HTTP and read each other on real SSE streams. */
class ConversationTest extends ChatServiceTestBase {

    @Test
    void twoMembersExchangeMessagesAndBothStreamsSeeThemInOrder() throws Exception {
        String room = uniqueName("lobby");
        ChatClient alice = peer(uniqueName("alice"));
        ChatClient bob = peer(uniqueName("bob"));
        HttpResponse<String> created = alice.post("/api/v1/rooms",
                "{\"name\":\"" + room + "\",\"topic\":\"debian isos\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(join(alice, room, "alice").statusCode()).isEqualTo(201);
        try (SseStream aliceEvents = alice.events(room, null)) {
            assertThat(aliceEvents.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(join(bob, room, "bob").statusCode()).isEqualTo(201);
            try (SseStream bobEvents = bob.events(room, null)) {
                assertThat(aliceEvents.next().event()).isEqualTo("join");
                say(alice, room, "hello bob");
                say(bob, room, "hi alice");
                say(alice, room, "look: ed2k", "ed2k://|file|debian.iso|1024|0123456789ABCDEF0123456789ABCDEF|/");
                List<SseEvent> seenByAlice = aliceEvents.next(3);
                List<SseEvent> seenByBob = bobEvents.next(3);
                assertThat(seenByAlice).isEqualTo(seenByBob);
                assertThat(seenByAlice).extracting(SseEvent::event).containsOnly("message");
                assertThat(seenByAlice).extracting(e -> ChatClient.JSON.readTree(e.data()).get("text").asString())
                        .containsExactly("hello bob", "hi alice", "look: ed2k");
                assertThat(seenByAlice).extracting(e -> Long.parseLong(e.id())).isSorted();
                JsonNode withLink = ChatClient.JSON.readTree(seenByAlice.get(2).data());
                assertThat(withLink.get("linkType").asString()).isEqualTo("ed2k");
                assertThat(withLink.get("nickname").asString()).isEqualTo("alice");
            }
        }
        JsonNode members = ChatClient.json(bob.get("/api/v1/rooms/" + room + "/members"));
        assertThat(members.findValuesAsString("nickname")).containsExactlyInAnyOrder("alice", "bob");
        JsonNode listed = ChatClient.json(bob.get("/api/v1/rooms/" + room));
        assertThat(listed.get("users").asInt()).isEqualTo(2);
        assertThat(listed.get("topic").asString()).isEqualTo("debian isos");
    }

    @Test
    void historyPagesForwardAndALateMemberSeesIt() {
        String room = uniqueName("history");
        ChatClient owner = peer(uniqueName("owner"));
        create(owner, room);
        join(owner, room, "writer");
        for (int i = 1; i <= 5; i++) {
            say(owner, room, "message " + i);
        }
        ChatClient late = peer(uniqueName("late"));
        join(late, room, "late");
        JsonNode latest = ChatClient.json(late.get("/api/v1/rooms/" + room + "/messages?limit=2"));
        assertThat(texts(latest)).containsExactly("message 4", "message 5");

        JsonNode first = ChatClient.json(late.get("/api/v1/rooms/" + room + "/messages?after=0&limit=2"));
        assertThat(texts(first)).containsExactly("message 1", "message 2");
        long last = first.get(1).get("id").asLong();
        JsonNode second = ChatClient.json(late.get("/api/v1/rooms/" + room + "/messages?after=" + last + "&limit=2"));
        assertThat(texts(second)).containsExactly("message 3", "message 4");
        JsonNode rest = ChatClient.json(late.get("/api/v1/rooms/" + room + "/messages?after="
                + second.get(1).get("id").asLong() + "&limit=2"));
        assertThat(texts(rest)).containsExactly("message 5");
        JsonNode none = ChatClient.json(late.get("/api/v1/rooms/" + room + "/messages?after="
                + rest.get(0).get("id").asLong()));
        assertThat(none).isEmpty();
    }

    @Test
    void aStreamResumedWithLastEventIdReceivesWhatItMissedAndNothingTwice() throws Exception {
        String room = uniqueName("resume");
        ChatClient carol = peer(uniqueName("carol"));
        ChatClient dave = peer(uniqueName("dave"));
        create(carol, room);
        join(carol, room, "carol");
        String lastSeen;
        try (SseStream stream = carol.events(room, null)) {
            say(carol, room, "before the break");
            lastSeen = stream.next().id();
        }
        join(dave, room, "dave");
        say(dave, room, "while carol was away");
        dave.delete("/api/v1/rooms/" + room + "/members/me");
        try (SseStream resumed = carol.events(room, lastSeen)) {
            List<SseEvent> missed = resumed.next(3);
            assertThat(missed).extracting(SseEvent::event).containsExactly("join", "message", "leave");
            assertThat(ChatClient.JSON.readTree(missed.get(1).data()).get("text").asString())
                    .isEqualTo("while carol was away");
            say(carol, room, "back");
            SseEvent live = resumed.next();
            assertThat(ChatClient.JSON.readTree(live.data()).get("text").asString()).isEqualTo("back");
            assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(missed.get(2).id()));
        }
    }

    @Test
    void joiningTwiceWithTheSameNicknameIsIdempotentAndLeavingEndsMembership() {
        String room = uniqueName("idem");
        ChatClient erin = peer(uniqueName("erin"));
        create(erin, room);
        assertThat(join(erin, room, "erin").statusCode()).isEqualTo(201);
        assertThat(join(erin, room, "erin").statusCode()).isEqualTo(200);
        assertThat(erin.delete("/api/v1/rooms/" + room + "/members/me").statusCode()).isEqualTo(204);
        assertThat(ChatClient.json(erin.get("/api/v1/rooms/" + room)).get("users").asInt()).isZero();
        assertThat(erin.delete("/api/v1/rooms/" + room + "/members/me").statusCode()).isEqualTo(404);
    }

    static void create(ChatClient owner, String room) {
        HttpResponse<String> response = owner.post("/api/v1/rooms", "{\"name\":\"" + room + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    static HttpResponse<String> join(ChatClient client, String room, String nickname) {
        return client.post("/api/v1/rooms/" + room + "/members", "{\"nickname\":\"" + nickname + "\"}");
    }

    static void say(ChatClient client, String room, String text) {
        say(client, room, text, null);
    }

    static void say(ChatClient client, String room, String text, String link) {
        String body = link == null ? "{\"text\":\"" + text + "\"}"
                : "{\"text\":\"" + text + "\",\"link\":\"" + link + "\"}";
        HttpResponse<String> response = client.post("/api/v1/rooms/" + room + "/messages", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static List<String> texts(JsonNode messages) {
        return messages.findValuesAsString("text");
    }
}
