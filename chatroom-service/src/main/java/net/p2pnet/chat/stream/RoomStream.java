package net.p2pnet.chat.stream;

import java.time.Duration;
import java.util.function.Consumer;
import net.p2pnet.chat.room.PublishedEvent;
import net.p2pnet.chat.room.RoomSubscriber;
import net.p2pnet.support.sse.SseSubscriber;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One member's open event stream of a room: service-support's SSE queue, fed with the room's frames. */
final class RoomStream implements RoomSubscriber {

    private final String peerId;
    private final SseSubscriber stream;

    RoomStream(String peerId, SseEmitter emitter, int capacity, Consumer<RoomStream> onEnd) {
        this.peerId = peerId;
        this.stream = new SseSubscriber(peerId, emitter, capacity, ended -> onEnd.accept(this));
    }

    @Override
    public String peerId() {
        return peerId;
    }

    @Override
    public boolean offer(PublishedEvent event) {
        return stream.offer(event.frame());
    }

    @Override
    public void close() {
        stream.close();
    }

    void start(String greeting, Duration keepAlive) {
        stream.start(greeting, keepAlive);
    }
}
