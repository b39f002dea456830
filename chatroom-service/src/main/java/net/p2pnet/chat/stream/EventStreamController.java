package net.p2pnet.chat.stream;

import static net.p2pnet.model.api.RequestRefused.badRequest;

import java.time.Clock;
import net.p2pnet.chat.auth.Peer;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.chat.room.LiveRoom;
import net.p2pnet.chat.room.Member;
import net.p2pnet.chat.room.RoomLog;
import net.p2pnet.chat.room.Rooms;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/rooms/{name}/events}: Server-Sent Events of joins, leaves, messages, topic changes,
 * kicks and the room's deletion. Each stored event carries its id; a client that reconnects with
 * {@code Last-Event-ID} first receives what it missed. A member's open stream keeps it present.
 *
 * <p>Frames are formatted once per event for all subscribers ({@code EventFrames}) and written by
 * {@link RoomStream} in bursts.
 */
@RestController
@RequestMapping("/api/v1/rooms/{name}/events")
class EventStreamController {

    private final Rooms rooms;
    private final RoomLog log;
    private final ChatProperties properties;
    private final Clock clock;
    private final StreamQuota quota;

    EventStreamController(Rooms rooms, RoomLog log, ChatProperties properties, Clock clock, StreamQuota quota) {
        this.rooms = rooms;
        this.log = log;
        this.properties = properties;
        this.clock = clock;
        this.quota = quota;
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Peer peer, @PathVariable String name,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        LiveRoom room = rooms.require(name, peer.id());
        Long resumeAfter = parseLastEventId(lastEventId);
        Member member = room.member(peer.id()).orElse(null);
        quota.acquire(peer.id());
        SseEmitter emitter = new SseEmitter(0L); // no timeout: keep-alive writes detect dead clients
        RoomStream subscriber = new RoomStream(peer.id(), emitter,
                properties.streamBacklog() + properties.replayLimit(), ended -> {
                    quota.release(peer.id());
                    room.unsubscribe(ended);
                    if (member != null) {
                        member.streamClosed(clock.instant());
                    }
                });
        try {
            log.subscribe(room, subscriber, resumeAfter, properties.replayLimit());
        } catch (RuntimeException e) {
            quota.release(peer.id());
            throw e;
        }
        if (member != null) {
            member.streamOpened();
        }
        subscriber.start("room " + room.name(), properties.streamKeepAlive());
        return emitter;
    }

    private static Long parseLastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(header.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw badRequest("Last-Event-ID must be the id of an event of this stream (a number), got '"
                    + (header.length() > 40 ? header.substring(0, 40) + "..." : header) + "'");
        }
    }
}
