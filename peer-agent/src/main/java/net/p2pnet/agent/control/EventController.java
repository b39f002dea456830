package net.p2pnet.agent.control;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/v1/events}: the live stream of download, share and room events. */
@RestController
class EventController {

    private final EventStream stream;

    EventController(EventStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return stream.subscribe();
    }
}
