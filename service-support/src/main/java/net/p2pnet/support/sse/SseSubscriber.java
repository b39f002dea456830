package net.p2pnet.support.sse;

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
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open Server-Sent Events stream with its own bounded queue. Publishers only queue
 * pre-formatted frames ({@link SseFrames}), never blocking and never getting an exception from a
 * slow or vanished client; the stream's own virtual thread writes them, draining whatever has queued
 * up into one emitter call with a single flush, so a busy stream costs one write per burst rather
 * than per event. A comment goes out whenever the stream was idle for the keep-alive period (it
 * keeps proxies from closing the stream and reveals a vanished client). A subscriber whose queue is
 * full is ended; it resumes later with {@code Last-Event-ID}.
 */
public final class SseSubscriber {

    /** Queued after the last frame: end the stream once everything before it is written. */
    private static final byte[] END = new byte[0];
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FRAMES_PER_FLUSH = 512;

    private final String name;
    private final SseEmitter emitter;
    private final BlockingQueue<byte[]> queue;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Consumer<SseSubscriber> onEnd;
    private volatile Thread pump;

    /**
     * @param name     names the writing thread (e.g. the peer that opened the stream)
     * @param capacity frames the client may fall behind before it is ended
     * @param onEnd    called once when the stream ends, for whatever reason
     */
    public SseSubscriber(String name, SseEmitter emitter, int capacity, Consumer<SseSubscriber> onEnd) {
        this.name = name;
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onEnd = onEnd;
        emitter.onCompletion(this::end);
        emitter.onError(e -> end());
        emitter.onTimeout(this::end);
    }

    /** Queues a frame without blocking; false when the stream ended or its queue is full. */
    public boolean offer(byte[] frame) {
        return !ended.get() && queue.offer(frame);
    }

    /** Ends the stream after the frames queued so far, or at once when the queue is full. */
    public void close() {
        if (!queue.offer(END)) {
            end();
        }
    }

    /** Starts the writer; {@code greeting} (a comment) is sent at once so the client sees the stream open. */
    public void start(String greeting, Duration keepAlive) {
        pump = Thread.ofVirtual().name("sse-" + name).start(() -> pump(greeting, keepAlive));
    }

    private void pump(String greeting, Duration keepAlive) {
        try {
            // retry: how long EventSource clients wait before reconnecting (they then send Last-Event-ID)
            write(Set.of(raw((": " + greeting + "\nretry: 3000\n\n").getBytes(StandardCharsets.UTF_8))));
            while (!ended.get()) {
                byte[] next = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
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
    private boolean writeBurst(byte[] first) throws IOException {
        Set<DataWithMediaType> burst = new LinkedHashSet<>();
        boolean more = true;
        for (byte[] next = first; next != null && burst.size() < MAX_FRAMES_PER_FLUSH; next = queue.poll()) {
            if (next == END) {
                more = false;
                break;
            }
            burst.add(raw(next));
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
