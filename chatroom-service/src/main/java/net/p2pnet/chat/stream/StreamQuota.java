package net.p2pnet.chat.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.model.api.RequestRefused;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Open event streams per member and in total. Each stream holds a connection, a virtual thread and a
 * queue, and one ticket used to open hundreds; the total stays well below the web server's
 * connection limit, so a full quota still leaves room for every other request.
 */
@Component
class StreamQuota {

    private final int perMember;
    private final int total;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger openTotal = new AtomicInteger();

    @Autowired
    StreamQuota(ChatProperties properties) {
        this(properties.quota().streamsPerMember(), properties.quota().streams());
    }

    StreamQuota(int perMember, int total) {
        this.perMember = perMember;
        this.total = total;
    }

    /** Counts a new stream of {@code peerId}, or refuses it with 429; {@link #release} undoes it. */
    void acquire(String peerId) {
        if (openTotal.incrementAndGet() > total) {
            openTotal.decrementAndGet();
            throw new RequestRefused(429, "this service has " + total + " event streams open, its limit "
                    + "(p2pnet.chatroom.quota.streams): try again later");
        }
        boolean[] admitted = {false};
        open.compute(peerId, (id, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < perMember;
            return admitted[0] ? now + 1 : count;
        });
        if (!admitted[0]) {
            openTotal.decrementAndGet();
            throw new RequestRefused(429, "you have " + perMember + " event streams open, the most one member may "
                    + "(p2pnet.chatroom.quota.streams-per-member): close one first (a closed stream is noticed "
                    + "at its next keep-alive)");
        }
    }

    void release(String peerId) {
        open.computeIfPresent(peerId, (id, count) -> count <= 1 ? null : count - 1);
        openTotal.decrementAndGet();
    }

    int open(String peerId) {
        return open.getOrDefault(peerId, 0);
    }
}
