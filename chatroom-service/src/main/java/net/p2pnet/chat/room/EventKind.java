package net.p2pnet.chat.room;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What happened in a room; MLdonkey's Room_message / Room_add_user / Room_del_user plus the owner's
 * actions. The lower-case name is the SSE event name.
 */
public enum EventKind {
    MESSAGE, JOIN, LEAVE, KICK, TOPIC, DELETED;

    @JsonValue
    public String eventName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
