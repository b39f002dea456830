package net.p2pnet.chat.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import net.p2pnet.chat.room.ChatEvent;
import net.p2pnet.chat.room.RoomSubscriber;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream. Events are queued without blocking the poster and written by this
 * stream's own virtual thread, so a slow reader delays nobody else; when its queue is full it is
 * closed and resumes later with {@code Last-Event-ID}.
 */
final class SseSubscriber implements RoomSubscriber {

    /** Queued after the last event to end the stream once everything before it is written. */
    private static final Object END = new Object();

    private final String peerId;
    private final String room;
    private final SseEmitter emitter;
    private final BlockingQueue<Object> queue;
    private final Duration keepAlive;
    private final Consumer<SseSubscriber> onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Thread pump;

    SseSubscriber(String peerId, String room, SseEmitter emitter, int capacity, Duration keepAlive,
            Consumer<SseSubscriber> onEnd) {
        this.peerId = peerId;
        this.room = room;
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.keepAlive = keepAlive;
        this.onEnd = onEnd;
        emitter.onCompletion(this::end);
        emitter.onError(e -> end());
        emitter.onTimeout(this::end);
    }

    @Override
    public String peerId() {
        return peerId;
    }

    @Override
    public boolean offer(ChatEvent event) {
        return !ended.get() && queue.offer(event);
    }

    @Override
    public void close() {
        if (!queue.offer(END)) {
            end();
        }
    }

    void start() {
        pump = Thread.ofVirtual().name("sse-" + room + "-" + peerId).start(this::pump);
    }

    private void pump() {
        try {
            // A first line at once, so the client sees the stream open before the first event.
            emitter.send(SseEmitter.event().comment("room " + room).reconnectTime(3_000));
            while (!ended.get()) {
                Object next = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (next == END) {
                    break;
                }
                if (next == null) {
                    // Keeps proxies from closing an idle stream and reveals a vanished client.
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } else {
                    send((ChatEvent) next);
                }
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the container already completed the request
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end();
        }
    }

    private void send(ChatEvent event) throws IOException {
        SseEmitter.SseEventBuilder sse = SseEmitter.event().name(event.type().eventName())
                .data(event, MediaType.APPLICATION_JSON);
        if (event.id() != null) {
            sse.id(Long.toString(event.id()));
        }
        emitter.send(sse);
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            try {
                emitter.complete();
            } catch (IllegalStateException ignored) {
                // already completed by the container
            }
            Thread running = pump;
            if (running != null && running != Thread.currentThread()) {
                running.interrupt();
            }
            onEnd.accept(this);
        }
    }
}
