package net.p2pnet.chat.room;

import static net.p2pnet.model.api.RequestRefused.notFound;

import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

/**
 * A room's event log: every event is stored (its id becomes the SSE event id) and handed to the live
 * subscribers while the room's lock is held, so streams, history and replay agree on one order.
 */
@Service
public class RoomLog {

    private final EventRepository events;
    private final EventFrames frames;
    private final Clock clock;

    public RoomLog(EventRepository events, EventFrames frames, Clock clock) {
        this.events = events;
        this.frames = frames;
        this.clock = clock;
    }

    public ChatEvent append(LiveRoom room, EventKind kind, Member author, String text, String link) {
        return append(room, kind, author.nickname(), author.peerId(), text, link);
    }

    public ChatEvent append(LiveRoom room, EventKind kind, String nickname, String peerId, String text,
            String link) {
        return room.locked(() -> {
            if (room.isDeleted()) {
                throw notFound("room '" + room.name() + "' was deleted");
            }
            EventEntity stored = events.save(new EventEntity(room.id(), kind, nickname, peerId, text, link,
                    clock.instant()));
            ChatEvent event = stored.toEvent(room.name());
            room.publish(frames.frame(event));
            return event;
        });
    }

    /** An event that is only streamed, not stored (the room's deletion). */
    public PublishedEvent transientEvent(LiveRoom room, EventKind kind, String nickname) {
        return frames.frame(ChatEvent.of(null, room.name(), kind, nickname, null, null, clock.instant()));
    }

    /**
     * Adds a live subscriber, first replaying what it missed after {@code lastEventId} (at most
     * {@code replayLimit} events). Both happen under the room's lock, so nothing falls in between.
     */
    public void subscribe(LiveRoom room, RoomSubscriber subscriber, Long lastEventId, int replayLimit) {
        room.locked(() -> {
            if (room.isDeleted()) {
                throw notFound("room '" + room.name() + "' was deleted");
            }
            if (lastEventId != null) {
                events.findByRoomIdAndIdGreaterThanOrderByIdAsc(room.id(), lastEventId, Limit.of(replayLimit))
                        .forEach(e -> subscriber.offer(frames.frame(e.toEvent(room.name()))));
            }
            room.subscribe(subscriber);
            return null;
        });
    }

    /** Messages after {@code after}, oldest first; without {@code after}, the latest {@code limit}. */
    public List<ChatEvent> messages(LiveRoom room, Long after, int limit) {
        List<EventEntity> page = after == null
                ? events.findByRoomIdAndKindOrderByIdDesc(room.id(), EventKind.MESSAGE, Limit.of(limit)).reversed()
                : events.findByRoomIdAndKindAndIdGreaterThanOrderByIdAsc(room.id(), EventKind.MESSAGE, after,
                        Limit.of(limit));
        return page.stream().map(e -> e.toEvent(room.name())).toList();
    }
}
