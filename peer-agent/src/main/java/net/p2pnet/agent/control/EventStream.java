package net.p2pnet.agent.control;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.p2pnet.agent.download.DownloadEvent;
import net.p2pnet.agent.room.RoomEvent;
import net.p2pnet.agent.share.ShareEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans the agent's download, share and room events out to every {@code /api/v1/events}
 * subscriber as Server-Sent Events named {@code download}, {@code share} and {@code room}. A
 * comment line every 15 s keeps proxies from closing idle streams and finds dead subscribers.
 */
@Component
public class EventStream {

    private static final long KEEP_ALIVE_SECONDS = 15;

    private final CopyOnWriteArrayList<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sse-keepalive").factory());

    public EventStream() {
        keepAlive.scheduleWithFixedDelay(this::ping, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    SseEmitter subscribe() {
        return subscribe(new SseEmitter(0L)); // no timeout: the stream lives as long as the client
    }

    SseEmitter subscribe(SseEmitter emitter) {
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(e -> subscribers.remove(emitter));
        subscribers.add(emitter);
        send(emitter, SseEmitter.event().comment("p2pnet agent events"));
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

    private void broadcast(String name, Object data) {
        String id = Long.toString(sequence.incrementAndGet());
        for (SseEmitter emitter : subscribers) {
            send(emitter, SseEmitter.event().id(id).name(name).data(data, MediaType.APPLICATION_JSON));
        }
    }

    private void ping() {
        subscribers.forEach(emitter -> send(emitter, SseEmitter.event().comment("keep-alive")));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (emitter) { // SseEmitter is not safe for concurrent sends
                emitter.send(event);
            }
        } catch (IOException | RuntimeException e) {
            // a subscriber that went away must never disturb the sender: events are published in the
            // threads of downloads and shares, and an exception here once ended a download
            subscribers.remove(emitter);
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException alreadyEnded) {
                // the container ended the stream when the client left; nothing is left to close
            }
        }
    }

    @PreDestroy
    void close() {
        keepAlive.shutdownNow();
        subscribers.forEach(SseEmitter::complete);
    }
}
