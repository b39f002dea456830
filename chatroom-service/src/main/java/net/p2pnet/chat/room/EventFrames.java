package net.p2pnet.chat.room;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Formats events as SSE frames (WHATWG HTML, "server-sent events"): {@code id}, {@code event} and one
 * {@code data} line of compact JSON (which never contains a line break), ended by a blank line.
 */
@Component
public class EventFrames {

    private final JsonMapper json;

    public EventFrames(JsonMapper json) {
        this.json = json;
    }

    public PublishedEvent frame(ChatEvent event) {
        StringBuilder frame = new StringBuilder(256);
        if (event.id() != null) {
            frame.append("id: ").append(event.id()).append('\n');
        }
        frame.append("event: ").append(event.type().eventName()).append('\n')
                .append("data: ").append(json.writeValueAsString(event)).append("\n\n");
        return new PublishedEvent(event, frame.toString().getBytes(StandardCharsets.UTF_8));
    }
}
