package net.p2pnet.chat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The in-memory room: fan-out drops a subscriber that cannot keep up; visibility of private rooms. */
class LiveRoomTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aSubscriberThatCannotKeepUpIsClosedAndTheOthersStillReceive() {
        LiveRoom room = room(null);
        BoundedSubscriber slow = new BoundedSubscriber("slow", 2);
        BoundedSubscriber fast = new BoundedSubscriber("fast", 100);
        room.subscribe(slow);
        room.subscribe(fast);
        for (long id = 1; id <= 3; id++) {
            room.publish(event(id));
        }
        assertThat(slow.closed).isTrue();
        assertThat(slow.received).hasSize(2);
        assertThat(fast.received).hasSize(3);
        assertThat(room.subscriberCount()).isEqualTo(1);
    }

    @Test
    void closeStreamsOfEndsOnlyThatPeersStreams() {
        LiveRoom room = room(null);
        BoundedSubscriber kicked = new BoundedSubscriber("kicked", 10);
        BoundedSubscriber other = new BoundedSubscriber("other", 10);
        room.subscribe(kicked);
        room.subscribe(other);
        room.closeStreamsOf("kicked");
        assertThat(kicked.closed).isTrue();
        assertThat(other.closed).isFalse();
        assertThat(room.subscriberCount()).isEqualTo(1);
    }

    @Test
    void aPrivateRoomIsVisibleToItsOwnerAndMembersOnly() {
        LiveRoom room = room("invite-code-123");
        assertThat(room.visibleTo("owner")).isTrue();
        assertThat(room.visibleTo("stranger")).isFalse();
        room.addMember(new Member("friend", "friend", T0));
        assertThat(room.visibleTo("friend")).isTrue();
        assertThat(room.inviteMatches("invite-code-123")).isTrue();
        assertThat(room.inviteMatches("invite-code-124")).isFalse();
        assertThat(room.inviteMatches(null)).isFalse();
        assertThat(room.inviteCodeFor("friend")).isEmpty();
        assertThat(room.inviteCodeFor("owner")).hasValue("invite-code-123");
    }

    @Test
    void aMemberExpiresOnlyWithoutAStreamAndAfterTheTimeout() {
        Member member = new Member("p", "p", T0);
        Duration timeout = Duration.ofSeconds(60);
        assertThat(member.expired(T0.plusSeconds(61), timeout)).isTrue();
        member.streamOpened();
        assertThat(member.expired(T0.plusSeconds(600), timeout)).isFalse();
        member.streamClosed(T0.plusSeconds(600));
        assertThat(member.expired(T0.plusSeconds(650), timeout)).isFalse();
        assertThat(member.expired(T0.plusSeconds(661), timeout)).isTrue();
    }

    private static LiveRoom room(String invite) {
        RoomEntity entity = new RoomEntity("r", "", "owner", invite, T0);
        ReflectionTestUtils.setField(entity, "id", 1L);
        return new LiveRoom(entity);
    }

    private static PublishedEvent event(long id) {
        return new PublishedEvent(ChatEvent.of(id, "r", EventKind.MESSAGE, "n", "t", null, T0), new byte[0]);
    }

    /** A subscriber with a fixed capacity, as a stream whose client stopped reading. */
    private static final class BoundedSubscriber implements RoomSubscriber {
        private final String peerId;
        private final int capacity;
        private final List<PublishedEvent> received = new ArrayList<>();
        private boolean closed;

        BoundedSubscriber(String peerId, int capacity) {
            this.peerId = peerId;
            this.capacity = capacity;
        }

        @Override
        public String peerId() {
            return peerId;
        }

        @Override
        public boolean offer(PublishedEvent event) {
            if (received.size() >= capacity) {
                return false;
            }
            received.add(event);
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
