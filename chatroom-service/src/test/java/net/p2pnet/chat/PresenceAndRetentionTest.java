package net.p2pnet.chat;

import static net.p2pnet.chat.ConversationTest.create;
import static net.p2pnet.chat.ConversationTest.join;
import static net.p2pnet.chat.ConversationTest.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.p2pnet.chat.message.RetentionPurger;
import net.p2pnet.chat.presence.Presence;
import net.p2pnet.chat.room.Rooms;
import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import net.p2pnet.chat.support.SseStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Time-driven behaviour, with the service clock moved by the test: silent members leave, open
 * streams keep members present, old history is purged.
 */
class PresenceAndRetentionTest extends ChatServiceTestBase {

    private static final Duration PAST_TIMEOUT = Duration.ofSeconds(61);

    @Autowired
    private Presence presence;

    @Autowired
    private Rooms rooms;

    @Autowired
    private RetentionPurger purger;

    @Test
    void aMemberWhoStopsSendingKeepAlivesLeavesAfterTheTimeout() throws Exception {
        String room = uniqueName("quiet");
        ChatClient watcher = peer(uniqueName("watcher"));
        ChatClient sleepy = peer(uniqueName("sleepy"));
        create(watcher, room);
        join(sleepy, room, "sleepy");
        try (SseStream events = watcher.events(room, null)) {
            clock.advance(Duration.ofSeconds(40));
            assertThat(sleepy.post("/api/v1/rooms/" + room + "/members/me/keepalive", "").statusCode())
                    .isEqualTo(204);
            clock.advance(Duration.ofSeconds(40));
            presence.sweep();
            assertThat(users(watcher, room)).as("kept alive 40 s ago: still present").isEqualTo(1);
            clock.advance(Duration.ofSeconds(30));
            presence.sweep();
            assertThat(users(watcher, room)).isZero();
            var leave = events.next();
            assertThat(leave.event()).isEqualTo("leave");
            assertThat(ChatClient.JSON.readTree(leave.data()).get("text").asString()).isEqualTo("timed out");
        }
    }

    @Test
    void anOpenStreamKeepsAMemberPresentAndClosingItStartsTheTimeout() throws Exception {
        String room = uniqueName("streaming");
        ChatClient member = peer(uniqueName("member"));
        create(member, room);
        join(member, room, "reader");
        SseStream stream = member.events(room, null);
        clock.advance(PAST_TIMEOUT.multipliedBy(3));
        presence.sweep();
        assertThat(users(member, room)).isEqualTo(1);

        stream.close();
        awaitNoSubscribers(room); // the server notices on its next keep-alive write
        presence.sweep();
        assertThat(users(member, room)).as("the timeout starts when the stream closes").isEqualTo(1);
        clock.advance(PAST_TIMEOUT);
        presence.sweep();
        assertThat(users(member, room)).isZero();
    }

    @Test
    void historyOlderThanTheRetentionIsPurged() {
        String room = uniqueName("archive");
        ChatClient member = peer(uniqueName("member"));
        create(member, room);
        join(member, room, "writer");
        say(member, room, "ancient");
        clock.advance(Duration.ofDays(31)); // retention is 30 days by default
        ChatClient later = peer(uniqueName("member")); // the first ticket expired meanwhile
        join(later, room, "writer2");
        say(later, room, "recent");
        assertThat(purger.purge()).isPositive();
        assertThat(ChatClient.json(later.get("/api/v1/rooms/" + room + "/messages")).findValuesAsString("text"))
                .containsExactly("recent");
    }

    private void awaitNoSubscribers(String room) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(20);
        while (rooms.require(room, "").subscriberCount() > 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }
        assertThat(rooms.require(room, "").subscriberCount()).as("the server saw the stream close").isZero();
    }

    private static int users(ChatClient client, String room) {
        return ChatClient.json(client.get("/api/v1/rooms/" + room)).get("users").asInt();
    }
}
