package net.p2pnet.chat.message;

import java.time.Clock;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.chat.room.EventRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes messages and events older than {@code p2pnet.chatroom.history-retention}. */
@Component
public class RetentionPurger {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurger.class);

    private final EventRepository events;
    private final ChatProperties properties;
    private final Clock clock;

    RetentionPurger(EventRepository events, ChatProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 10_000, fixedDelay = 600_000)
    public int purge() {
        int deleted = events.deleteOlderThan(clock.instant().minus(properties.historyRetention()));
        if (deleted > 0) {
            LOG.info("history retention {}: deleted {} old room events", properties.historyRetention(), deleted);
        }
        return deleted;
    }
}
