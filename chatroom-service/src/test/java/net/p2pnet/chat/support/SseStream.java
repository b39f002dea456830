package net.p2pnet.chat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real SSE reader over java.net.http: parses the text/event-stream lines of the response on a
 * virtual thread into events (the format of the HTML spec: id, event, data fields, blank line ends).
 */
public final class SseStream implements AutoCloseable {

    private static final SseEvent END = new SseEvent(null, "<end of stream>", null);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    SseStream(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread.ofVirtual().name("sse-test-reader").start(this::read);
        }
    }

    /** The response; for a refusal its body is unread (the problem details). */
    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event, waiting at most 20 s (a generous bound on delivery, not a timing assertion). */
    public SseEvent next() throws InterruptedException {
        SseEvent event = events.poll(20, TimeUnit.SECONDS);
        assertThat(event).as("an event arrives on the stream").isNotNull();
        return event;
    }

    /** The next n events. */
    public List<SseEvent> next(int n) throws InterruptedException {
        List<SseEvent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(next());
        }
        return list;
    }

    /** Waits until the server ends the stream, failing if another event comes first. */
    public void awaitEnd() throws InterruptedException {
        assertThat(next()).isEqualTo(END);
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new SseEvent(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String part = line.substring(5);
                    part = part.startsWith(" ") ? part.substring(1) : part;
                    data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
                }
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            ended = true;
            events.add(END);
        }
    }
}
