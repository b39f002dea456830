package net.p2pnet.chat.quota;

import java.time.Clock;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.chat.error.RateLimitedException;
import net.p2pnet.chat.metrics.ChatMetrics;
import net.p2pnet.model.limit.TokenBuckets;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets per member, across all rooms: one for everything that stores something (messages,
 * joins, rooms created, topic changes: {@code p2pnet.chatroom.member-rate-limit}), one for reads
 * (room listings, history pages, member lists: {@code member-read-limit}). The per-room posting limit
 * alone let one ticket write in a hundred rooms at a hundred times the rate, and nothing stopped it
 * from listing ten thousand rooms in a loop.
 */
@Component
public class MemberBudget {

    private final TokenBuckets writes;
    private final TokenBuckets reads;
    private final ChatMetrics metrics;

    MemberBudget(ChatProperties properties, Clock clock, ChatMetrics metrics) {
        this.writes = properties.memberRateLimit().buckets(clock);
        this.reads = properties.memberReadLimit().buckets(clock);
        this.metrics = metrics;
    }

    /** Takes one write of {@code peerId}'s budget, or throws 429 with {@code Retry-After}. */
    public void write(String peerId) {
        take(writes, peerId, "too many writes from this member (messages, joins, rooms, topics across all rooms)",
                "p2pnet.chatroom.member-rate-limit");
    }

    /** Takes one read of {@code peerId}'s budget, or throws 429 with {@code Retry-After}. */
    public void read(String peerId) {
        take(reads, peerId, "too many reads from this member (room lists, history, member lists)",
                "p2pnet.chatroom.member-read-limit");
    }

    private void take(TokenBuckets buckets, String peerId, String what, String property) {
        buckets.tryConsume(peerId).ifPresent(wait -> {
            metrics.rateLimited();
            throw new RateLimitedException(what, "before the next one (" + property + ")", wait);
        });
    }

    @Scheduled(fixedDelay = 60_000)
    void dropIdleBuckets() {
        writes.dropIdle();
        reads.dropIdle();
    }
}
