package net.p2pnet.chat.room;

import net.p2pnet.support.sse.SseFrames;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Formats chat events as SSE frames (service-support's {@link SseFrames}), their JSON as the data line. */
@Component
public class EventFrames {

    private final JsonMapper json;

    public EventFrames(JsonMapper json) {
        this.json = json;
    }

    public PublishedEvent frame(ChatEvent event) {
        String id = event.id() == null ? null : event.id().toString();
        return new PublishedEvent(event, SseFrames.frame(id, event.type().eventName(), json.writeValueAsString(event)));
    }
}
