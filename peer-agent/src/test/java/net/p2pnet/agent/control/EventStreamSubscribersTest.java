package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import net.p2pnet.agent.share.ShareEvent;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A subscriber whose stream failed (the client left) is dropped without disturbing the thread
 * that publishes: downloads and shares publish their events in their own threads, and the
 * container's refusal to complete an already failed stream once ended a download.
 */
class EventStreamSubscribersTest {

    @Test
    void aFailedStreamIsDroppedAndTheOthersStillGetTheEvent() {
        EventStream stream = new EventStream();
        AtomicInteger delivered = new AtomicInteger();
        stream.subscribe(new SseEmitter(0L) {
            @Override
            public void send(SseEventBuilder builder) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void completeWithError(Throwable ex) {
                throw new IllegalStateException("A non-container (application) thread attempted to use the AsyncContext"
                        + " after an error had occurred");
            }
        });
        stream.subscribe(new SseEmitter(0L) {
            @Override
            public void send(SseEventBuilder builder) {
                delivered.incrementAndGet();
            }
        });
        int greetings = delivered.get();

        assertThatCode(() -> stream.on(new ShareEvent(null, true))).doesNotThrowAnyException();

        assertThat(stream.subscriberCount()).isEqualTo(1);
        assertThat(delivered.get()).isEqualTo(greetings + 1);
    }
}
