package net.p2pnet.chat;

import static net.p2pnet.chat.BadInputTest.assertProblem;
import static net.p2pnet.chat.ConversationTest.create;
import static net.p2pnet.chat.ConversationTest.join;
import static net.p2pnet.chat.ConversationTest.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import net.p2pnet.chat.support.SseStream;
import org.junit.jupiter.api.Test;

/**
 * The review's attack: one ticket created hundreds of rooms and opened hundreds of streams. Each
 * member (peer id of its ticket) now has quotas; the others keep being served.
 */
class MemberQuotaTest extends ChatServiceTestBase {

    @Test
    void the21stRoomOfOneMemberIsRefusedWhileAnotherMemberStillCreatesRooms() {
        ChatClient hoarder = peer(uniqueName("hoarder"));
        ChatClient other = peer(uniqueName("other"));
        List<String> owned = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            owned.add(uniqueName("hoard"));
            create(hoarder, owned.getLast());
        }
        String oneMore = uniqueName("hoard");
        HttpResponse<String> refused = hoarder.post("/api/v1/rooms", "{\"name\":\"" + oneMore + "\"}");
        assertProblem(refused, 429, "you own 20 rooms");
        assertThat(hoarder.get("/api/v1/rooms/" + oneMore).statusCode()).isEqualTo(404);

        create(other, uniqueName("fair"));
        // deleting one of its rooms frees a place
        assertThat(hoarder.delete("/api/v1/rooms/" + owned.getFirst()).statusCode()).isEqualTo(204);
        create(hoarder, oneMore);
    }

    @Test
    void the9thStreamOfOneMemberIsRefusedWhileOthersStillStream() throws Exception {
        String room = uniqueName("streams");
        ChatClient greedy = peer(uniqueName("greedy"));
        ChatClient other = peer(uniqueName("other"));
        create(greedy, room);
        List<SseStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                streams.add(open(greedy, room));
            }
            try (SseStream ninth = greedy.events(room, null)) {
                assertThat(ninth.response().statusCode()).isEqualTo(429);
                assertThat(ninth.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(new String(ninth.response().body().readAllBytes(), StandardCharsets.UTF_8))
                        .contains("8 event streams open");
            }
            try (SseStream others = open(other, room)) {
                join(other, room, "other");
                say(other, room, "hello");
                assertThat(others.next().event()).isEqualTo("join");
                assertThat(others.next().data()).contains("hello");
                assertThat(streams.getFirst().next().event()).isEqualTo("join"); // the greedy ones still get events
            }
            // a stream the client closed is noticed at its next keep-alive, and its place is free again
            streams.removeFirst().close();
            SseStream again = greedy.events(room, null);
            for (int tries = 0; again.response().statusCode() == 429 && tries < 100; tries++) {
                again.close();
                Thread.sleep(200); // keep-alive is 200 ms in the test configuration
                again = greedy.events(room, null);
            }
            streams.add(again);
            assertThat(again.response().statusCode()).isEqualTo(200);
        } finally {
            for (SseStream stream : streams) {
                stream.close();
            }
        }
    }

    @Test
    void oneMemberWritingInManyRoomsMeetsItsOwnRateLimitAndOthersStillPost() {
        ChatClient owner = peer(uniqueName("owner"));
        ChatClient chatty = peer(uniqueName("chatty"));
        ChatClient quiet = peer(uniqueName("quiet"));
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rooms.add(uniqueName("many"));
            create(owner, rooms.getLast());
            assertThat(join(chatty, rooms.getLast(), "chatty").statusCode()).isEqualTo(201);
        }
        // member-rate-limit burst=30 in the test configuration: 7 joins + 23 messages, 4 per room at most
        // (the per-room burst is 5, never reached)
        int posted = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; refused == null; i++) {
            HttpResponse<String> answer = chatty.post("/api/v1/rooms/" + rooms.get(i % 7) + "/messages",
                    "{\"text\":\"m" + i + "\"}");
            if (answer.statusCode() == 201) {
                posted++;
            } else {
                refused = answer;
            }
        }
        assertThat(posted).isEqualTo(23);
        assertProblem(refused, 429, "across all rooms");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        join(quiet, rooms.getFirst(), "quiet");
        say(quiet, rooms.getFirst(), "my turn");
        clock.advance(Duration.ofSeconds(10)); // one token per 10 s
        say(chatty, rooms.getFirst(), "after a pause");
    }

    @Test
    void aMemberListingRoomsInALoopMeetsItsReadLimitWhileOthersStillList() {
        ChatClient lister = peer(uniqueName("lister"));
        ChatClient other = peer(uniqueName("other"));
        for (int i = 0; i < 200; i++) { // member-read-limit burst=200 in the test configuration
            assertThat(lister.get("/api/v1/rooms").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = lister.get("/api/v1/rooms");
        assertProblem(refused, 429, "too many reads from this member");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(other.get("/api/v1/rooms").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(10));
        assertThat(lister.get("/api/v1/rooms").statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberInTheMostRoomsAllowedCannotJoinAnotherButOthersCan() {
        ChatClient owner = peer(uniqueName("owner"));
        ChatClient joiner = peer(uniqueName("joiner"));
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            rooms.add(uniqueName("club"));
            create(owner, rooms.getLast());
        }
        for (int i = 0; i < 12; i++) { // memberships-per-member=12 in the test configuration
            assertThat(join(joiner, rooms.get(i), "joiner").statusCode()).isEqualTo(201);
        }
        assertProblem(join(joiner, rooms.getLast(), "joiner"), 429, "you are in 12 rooms");
        assertThat(join(owner, rooms.getLast(), "owner").statusCode()).isEqualTo(201);
        assertThat(join(joiner, rooms.getFirst(), "joiner").statusCode()).isEqualTo(200); // already in: fine
        assertThat(joiner.delete("/api/v1/rooms/" + rooms.getFirst() + "/members/me").statusCode()).isEqualTo(204);
        assertThat(join(joiner, rooms.getLast(), "joiner").statusCode()).isEqualTo(201);
    }

    private static SseStream open(ChatClient client, String room) throws IOException {
        SseStream stream = client.events(room, null);
        if (stream.response().statusCode() != 200) {
            String body = new String(stream.response().body().readAllBytes(), StandardCharsets.UTF_8);
            stream.close();
            throw new AssertionError("stream refused: " + body);
        }
        return stream;
    }
}
