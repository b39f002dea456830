package net.p2pnet.support.sse;

import java.nio.charset.StandardCharsets;

/**
 * SSE frames (WHATWG HTML, "server-sent events"): {@code id}, {@code event} and one {@code data}
 * line of compact JSON (which never contains a line break), ended by a blank line. Formatted once
 * per event, however many subscribers get it.
 */
public final class SseFrames {

    private SseFrames() {
    }

    /** @param id the event id clients resume after ({@code Last-Event-ID}); {@code null} for none */
    public static byte[] frame(String id, String event, String compactJson) {
        StringBuilder frame = new StringBuilder(64 + compactJson.length());
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ").append(event).append('\n').append("data: ").append(compactJson).append("\n\n");
        return frame.toString().getBytes(StandardCharsets.UTF_8);
    }
}
