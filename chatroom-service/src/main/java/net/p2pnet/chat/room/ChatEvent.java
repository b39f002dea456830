package net.p2pnet.chat.room;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A room event as clients see it, in the history API and as the data of an SSE event. {@code text}
 * is the message (or the new topic, or the kick reason); {@code link} an optional ed2k/magnet
 * reference to a shared file, with {@code linkType} saying which so clients can show it as a link.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatEvent(Long id, String room, EventKind type, String nickname, String text, String link,
        String linkType, Instant at) {

    public static ChatEvent of(Long id, String room, EventKind type, String nickname, String text, String link,
            Instant at) {
        return new ChatEvent(id, room, type, nickname, text, link, link == null ? null : LinkReference.typeOf(link),
                at);
    }
}
