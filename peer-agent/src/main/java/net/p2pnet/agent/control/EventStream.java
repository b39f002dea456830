package net.p2pnet.agent.control;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
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
 *
 * <p>Events are published in the threads of downloads, shares and rooms; each subscriber has its
 * own queue and sending thread, so a slow, stuck or vanished client never holds up (or throws
 * into) the thread that published. A client that falls {@value #QUEUE_LIMIT} events behind is
 * dropped; a failed stream is dropped quietly (a killed client once ended the next download).
 */
@Component
public class EventStream {

    private static final long KEEP_ALIVE_SECONDS = 15;
    static final int QUEUE_LIMIT = 1024;

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
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
        Subscriber subscriber = new Subscriber(emitter);
        emitter.onCompletion(subscriber::stop);
        emitter.onTimeout(subscriber::stop);
        emitter.onError(e -> subscriber.stop());
        subscribers.add(subscriber);
        subscriber.offer(SseEmitter.event().comment("p2pnet agent events"));
        subscriber.start();
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
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(SseEmitter.event().id(id).name(name).data(data, MediaType.APPLICATION_JSON));
        }
    }

    private void ping() {
        subscribers.forEach(subscriber -> subscriber.offer(SseEmitter.event().comment("keep-alive")));
    }

    @PreDestroy
    void close() {
        keepAlive.shutdownNow();
        subscribers.forEach(Subscriber::finish);
    }

    /** One client: the events it has not been sent yet, and the thread that sends them in order. */
    private final class Subscriber {

        private final SseEmitter emitter;
        private final BlockingQueue<SseEmitter.SseEventBuilder> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
        private volatile Thread sender;

        Subscriber(SseEmitter emitter) {
            this.emitter = emitter;
        }

        void start() {
            sender = Thread.ofVirtual().name("sse-subscriber").start(this::run);
        }

        void offer(SseEmitter.SseEventBuilder event) {
            if (!queue.offer(event)) {
                fail(new IOException("the client fell " + QUEUE_LIMIT + " events behind"));
            }
        }

        private void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    emitter.send(queue.take());
                }
            } catch (InterruptedException e) {
                // stopped: the stream ended
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }

        /** The stream ended (completed, timed out or failed in the container). */
        void stop() {
            subscribers.remove(this);
            Thread running = sender;
            if (running != null) {
                running.interrupt();
            }
        }

        void finish() {
            stop();
            try {
                emitter.complete();
            } catch (RuntimeException alreadyEnded) {
                // the container ended the stream already
            }
        }

        private void fail(Exception e) {
            stop();
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException alreadyEnded) {
                // the container ended the stream when the client left; nothing is left to close
            }
        }
    }
}
