package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import net.p2pnet.agent.share.ShareEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscribers that fail or stall never disturb the threads that publish (downloads, shares and
 * rooms publish in their own threads): a failed stream is dropped quietly, a stuck one once it
 * falls a queue behind, and the others still get every event in order.
 */
class EventStreamSubscribersTest {

    private final EventStream stream = new EventStream(JsonMapper.builder().build());
    private final CountDownLatch unblock = new CountDownLatch(1);

    @AfterEach
    void close() {
        unblock.countDown();
        stream.close();
    }

    @Test
    void aFailedStreamIsDroppedAndTheOthersStillGetTheEvent() {
        AtomicInteger delivered = new AtomicInteger();
        stream.subscribe(new SseEmitter(0L) {
            @Override
            public void send(Set<DataWithMediaType> frames) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void completeWithError(Throwable ex) {
                throw new IllegalStateException("A non-container (application) thread attempted to use the AsyncContext"
                        + " after an error had occurred");
            }
        });
        stream.subscribe(counting(delivered));

        stream.on(new ShareEvent(null, true));

        await().atMost(Duration.ofSeconds(10)).until(() -> stream.subscriberCount() == 1 && delivered.get() == 2);
    }

    @Test
    void aStuckClientIsDroppedOnceItFallsAQueueBehindWhilePublishingGoesOn() {
        AtomicInteger delivered = new AtomicInteger();
        stream.subscribe(new SseEmitter(0L) {
            @Override
            public void send(Set<DataWithMediaType> frames) {
                try {
                    unblock.await(); // a client that stopped reading: the write never returns
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        stream.subscribe(counting(delivered));

        int batch = 100; // less than a queue: the reading client keeps up between batches
        int events = 0;
        while (events <= EventStream.QUEUE_LIMIT) {
            for (int i = 0; i < batch; i++) {
                stream.on(new ShareEvent(null, true)); // returns although one client never takes anything
            }
            events += batch;
            int sent = events;
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.get() == sent + 1); // + the greeting
        }

        assertThat(stream.subscriberCount()).isEqualTo(1);
    }

    private static SseEmitter counting(AtomicInteger delivered) {
        return new SseEmitter(0L) {
            @Override
            public void send(Set<DataWithMediaType> frames) {
                delivered.addAndGet(frames.size()); // frames that queued up go out in one write
            }
        };
    }
}
