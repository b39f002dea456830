package net.p2pnet.model.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Assembles Server-Sent Events from lines (WHATWG HTML, "Parsing an event stream"): {@code event},
 * {@code data} (several lines joined by newlines), {@code id}; a blank line dispatches; lines
 * starting with ':' are comments. The JDK HTTP client has no SSE support of its own.
 */
public final class SseReader {

    /** The longest line a stream may send (a chat message is far smaller). */
    public static final int MAX_LINE = 256 * 1024;
    /** The most data one event may gather over its lines; a stream sending more is cut. */
    public static final int MAX_EVENT_DATA = 1 << 20;

    /** One dispatched event. */
    public record Event(String id, String name, String data) {
    }

    private final Consumer<Event> sink;
    private String name;
    private StringBuilder data;
    private String lastId;

    public SseReader(Consumer<Event> sink) {
        this.sink = sink;
    }

    public void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                if (data.length() > MAX_EVENT_DATA) {
                    throw new IllegalStateException("an event of more than " + MAX_EVENT_DATA + " characters of data");
                }
            }
            case "id" -> lastId = value;
            default -> { } // "retry" and unknown fields are ignored
        }
    }

    /**
     * Feeds the lines of {@code in} to this reader until the stream ends; a line or an event beyond
     * the limits ends it with an exception (the stream comes from another machine).
     */
    public void readAll(InputStream in) throws IOException {
        for (String line = BoundedBody.readLine(in, MAX_LINE); line != null; line = BoundedBody.readLine(in, MAX_LINE)) {
            try {
                line(line);
            } catch (IllegalStateException e) {
                throw new IOException("the event stream sent " + e.getMessage(), e);
            }
        }
    }

    /** The id of the last event seen, for {@code Last-Event-ID} when reconnecting. */
    public String lastId() {
        return lastId;
    }

    private void dispatch() {
        if (data != null) {
            sink.accept(new Event(lastId, name == null ? "message" : name, data.toString()));
        }
        name = null;
        data = null;
    }
}
