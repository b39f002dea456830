package net.p2pnet.chat.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import net.p2pnet.chat.room.PublishedEvent;
import net.p2pnet.chat.room.RoomSubscriber;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream. Posters only queue pre-formatted frames (never blocking); the stream's own
 * virtual thread writes them, draining whatever has queued up into one emitter call with a single
 * flush, so a busy room costs one write per burst rather than per event. A subscriber whose queue is
 * full is aborted and resumes later with {@code Last-Event-ID}.
 */
final class SseSubscriber implements RoomSubscriber {

    /** Queued after the last event: end the stream once everything before it is written. */
    private static final PublishedEvent END = new PublishedEvent(null, new byte[0]);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FRAMES_PER_FLUSH = 512;

    private final String peerId;
    private final SseEmitter emitter;
    private final BlockingQueue<PublishedEvent> queue;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Consumer<SseSubscriber> onEnd;
    private volatile Thread pump;

    SseSubscriber(String peerId, SseEmitter emitter, int capacity, Consumer<SseSubscriber> onEnd) {
        this.peerId = peerId;
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(capacity);
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
    public boolean offer(PublishedEvent event) {
        return !ended.get() && queue.offer(event);
    }

    @Override
    public void close() {
        if (!queue.offer(END)) {
            end();
        }
    }

    /** Starts the writer; {@code greeting} is sent at once so the client sees the stream open. */
    void start(String greeting, Duration keepAlive) {
        pump = Thread.ofVirtual().name("sse-" + peerId).start(() -> pump(greeting, keepAlive));
    }

    private void pump(String greeting, Duration keepAlive) {
        try {
            // retry: how long EventSource clients wait before reconnecting (they then send Last-Event-ID)
            write(Set.of(raw((": " + greeting + "\nretry: 3000\n\n").getBytes(StandardCharsets.UTF_8))));
            while (!ended.get()) {
                PublishedEvent next = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    // keeps proxies from closing an idle stream and reveals a vanished client
                    write(Set.of(raw(KEEP_ALIVE)));
                } else if (!writeBurst(next)) {
                    break;
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

    /** Writes {@code first} and what else is queued in one flush; false once {@link #END} is reached. */
    private boolean writeBurst(PublishedEvent first) throws IOException {
        Set<DataWithMediaType> burst = new LinkedHashSet<>();
        boolean more = true;
        for (PublishedEvent next = first; next != null && burst.size() < MAX_FRAMES_PER_FLUSH; next = queue.poll()) {
            if (next == END) {
                more = false;
                break;
            }
            burst.add(raw(next.frame()));
        }
        if (!burst.isEmpty()) {
            write(burst);
        }
        return more;
    }

    private void write(Set<DataWithMediaType> frames) throws IOException {
        emitter.send(frames);
    }

    /** Frames are complete SSE text already: written as bytes, untouched by message conversion. */
    private static DataWithMediaType raw(byte[] frame) {
        return new DataWithMediaType(frame, MediaType.TEXT_EVENT_STREAM);
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
