package net.p2pnet.chat;

import static net.p2pnet.chat.BadInputTest.assertProblem;
import static net.p2pnet.chat.ConversationTest.create;
import static net.p2pnet.chat.ConversationTest.join;
import static net.p2pnet.chat.ConversationTest.say;
import static org.assertj.core.api.Assertions.assertThat;

import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import net.p2pnet.chat.support.SseEvent;
import net.p2pnet.chat.support.SseStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The owner sets the topic, kicks and deletes; private rooms admit only invited peers. */
class OwnerPowersTest extends ChatServiceTestBase {

    @Test
    void onlyTheOwnerSetsTheTopicAndMembersSeeTheChange() throws Exception {
        String room = uniqueName("topical");
        ChatClient owner = peer(uniqueName("owner"));
        ChatClient guest = peer(uniqueName("guest"));
        owner.post("/api/v1/rooms", "{\"name\":\"" + room + "\",\"topic\":\"old\"}");
        join(guest, room, "guest");
        try (SseStream events = guest.events(room, null)) {
            assertProblem(guest.put("/api/v1/rooms/" + room + "/topic", "{\"topic\":\"mine now\"}"), 403,
                    "only the owner");
            assertThat(owner.put("/api/v1/rooms/" + room + "/topic", "{\"topic\":\"new\"}").statusCode())
                    .isEqualTo(200);
            SseEvent change = events.next();
            assertThat(change.event()).isEqualTo("topic");
            assertThat(ChatClient.JSON.readTree(change.data()).get("text").asString()).isEqualTo("new");
        }
        assertThat(ChatClient.json(guest.get("/api/v1/rooms/" + room)).get("topic").asString()).isEqualTo("new");
        assertProblem(owner.put("/api/v1/rooms/" + room + "/topic", "{\"topic\":\"" + "x".repeat(300) + "\"}"), 400,
                "topic must be at most 256");
    }

    @Test
    void aKickedMemberLeavesAndItsStreamEnds() throws Exception {
        String room = uniqueName("strict");
        ChatClient owner = peer(uniqueName("owner"));
        ChatClient troll = peer(uniqueName("troll"));
        create(owner, room);
        join(owner, room, "boss");
        join(troll, room, "troll");
        try (SseStream ownerEvents = owner.events(room, null); SseStream trollEvents = troll.events(room, null)) {
            assertProblem(troll.delete("/api/v1/rooms/" + room + "/members/boss"), 403, "only the owner");
            assertThat(owner.delete("/api/v1/rooms/" + room + "/members/troll").statusCode()).isEqualTo(204);
            SseEvent kick = ownerEvents.next();
            assertThat(kick.event()).isEqualTo("kick");
            assertThat(ChatClient.JSON.readTree(kick.data()).get("nickname").asString()).isEqualTo("troll");
            assertThat(trollEvents.next().event()).isEqualTo("kick");
            trollEvents.awaitEnd();
        }
        assertProblem(troll.post("/api/v1/rooms/" + room + "/messages", "{\"text\":\"still here?\"}"), 403,
                "join room");
        assertProblem(owner.delete("/api/v1/rooms/" + room + "/members/nobody"), 404, "no member named 'nobody'");
    }

    @Test
    void deletingARoomEndsItsStreamsAndForgetsItsHistory() throws Exception {
        String room = uniqueName("doomed");
        ChatClient owner = peer(uniqueName("owner"));
        ChatClient member = peer(uniqueName("member"));
        create(owner, room);
        join(member, room, "m");
        say(member, room, "last words");
        try (SseStream events = member.events(room, null)) {
            assertProblem(member.delete("/api/v1/rooms/" + room), 403, "only the owner");
            assertThat(owner.delete("/api/v1/rooms/" + room).statusCode()).isEqualTo(204);
            assertThat(events.next().event()).isEqualTo("deleted");
            events.awaitEnd();
        }
        assertProblem(member.get("/api/v1/rooms/" + room), 404, "no room named");
        assertThat(ChatClient.json(owner.get("/api/v1/rooms")).findValuesAsString("name")).doesNotContain(room);
        // the name is free again, with an empty history
        create(owner, room);
        assertThat(ChatClient.json(owner.get("/api/v1/rooms/" + room + "/messages"))).isEmpty();
    }

    @Test
    void aPrivateRoomIsHiddenFromOutsidersAndOpensWithItsInviteCode() {
        String room = uniqueName("secret");
        ChatClient owner = peer(uniqueName("owner"));
        ChatClient friend = peer(uniqueName("friend"));
        ChatClient stranger = peer(uniqueName("stranger"));
        JsonNode created = ChatClient.json(owner.post("/api/v1/rooms",
                "{\"name\":\"" + room + "\",\"private\":true}"));
        assertThat(created.get("private").asBoolean()).isTrue();
        String invite = created.get("inviteCode").asString();
        assertThat(invite).hasSizeGreaterThanOrEqualTo(20);

        assertThat(ChatClient.json(stranger.get("/api/v1/rooms")).findValuesAsString("name")).doesNotContain(room);
        assertProblem(stranger.get("/api/v1/rooms/" + room), 404, "no room named");
        assertProblem(stranger.get("/api/v1/rooms/" + room + "/messages"), 404, "no room named");
        assertProblem(join(stranger, room, "nosy"), 403, "invite code is required");
        assertProblem(stranger.post("/api/v1/rooms/" + room + "/members",
                "{\"nickname\":\"nosy\",\"inviteCode\":\"guess\"}"), 403, "invite code is wrong");

        assertThat(friend.post("/api/v1/rooms/" + room + "/members",
                "{\"nickname\":\"friend\",\"inviteCode\":\"" + invite + "\"}").statusCode()).isEqualTo(201);
        JsonNode seenByFriend = ChatClient.json(friend.get("/api/v1/rooms/" + room));
        assertThat(seenByFriend.get("users").asInt()).isEqualTo(1);
        assertThat(seenByFriend.has("inviteCode")).as("only the owner sees the invite code").isFalse();
        assertThat(ChatClient.json(friend.get("/api/v1/rooms")).findValuesAsString("name")).contains(room);
        assertThat(ChatClient.json(owner.get("/api/v1/rooms/" + room)).get("inviteCode").asString()).isEqualTo(invite);
    }
}
