package net.p2pnet.agent.control;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.p2pnet.agent.download.DownloadEvent;
import net.p2pnet.agent.room.RoomEvent;
import net.p2pnet.agent.share.ShareEvent;
import net.p2pnet.support.sse.SseFrames;
import net.p2pnet.support.sse.SseSubscriber;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans the agent's download, share and room events out to every {@code /api/v1/events}
 * subscriber as Server-Sent Events named {@code download}, {@code share} and {@code room}. A
 * comment line after 15 s without events keeps proxies from closing idle streams and finds dead
 * subscribers.
 *
 * <p>Events are published in the threads of downloads, shares and rooms; each subscriber is one of
 * service-support's {@link SseSubscriber}s, with its own queue and writing thread, so a slow, stuck
 * or vanished client never holds up (or throws into) the thread that published. A client that falls
 * {@value #QUEUE_LIMIT} events behind is dropped; a failed stream is dropped quietly (a killed client
 * once ended the next download).
 */
@Component
public class EventStream {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    static final int QUEUE_LIMIT = 1024;

    private final Set<SseSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final JsonMapper json;

    public EventStream(JsonMapper json) {
        this.json = json;
    }

    SseEmitter subscribe() {
        return subscribe(new SseEmitter(0L)); // no timeout: the stream lives as long as the client
    }

    SseEmitter subscribe(SseEmitter emitter) {
        SseSubscriber subscriber = new SseSubscriber("agent-events", emitter, QUEUE_LIMIT, subscribers::remove);
        subscribers.add(subscriber);
        subscriber.start("p2pnet agent events", KEEP_ALIVE);
        return emitter;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @EventListener
    void on(DownloadEvent event) {
        broadcast("download", event.download());
    }

    @EventListener
    void on(ShareEvent event) {
        broadcast("share", event);
    }

    @EventListener
    void on(RoomEvent event) {
        broadcast("room", event);
    }

    /** Formats the event once for every subscriber; one that cannot keep up is ended instead of slowing the rest. */
    private void broadcast(String name, Object data) {
        byte[] frame = SseFrames.frame(Long.toString(sequence.incrementAndGet()), name, json.writeValueAsString(data));
        for (SseSubscriber subscriber : subscribers) {
            if (!subscriber.offer(frame)) {
                subscriber.close();
            }
        }
    }

    @PreDestroy
    void close() {
        subscribers.forEach(SseSubscriber::close);
    }
}
