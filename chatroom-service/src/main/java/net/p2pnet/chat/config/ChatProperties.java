package net.p2pnet.chat.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.p2pnet.model.limit.TokenBuckets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Behaviour of the chatroom service ({@code p2pnet.chatroom.*}), checked at start so a typo fails
 * the boot instead of a user's request.
 *
 * @param publicUrl        the base URL peers use to reach this service; sent to rendezvous servers as
 *                         the rooms' host (unset: {@code http://127.0.0.1:<port>}, fine for one machine)
 * @param rendezvousUrls   rendezvous servers that list our rooms (empty: rooms are not advertised)
 * @param announceInterval how often the full room list is re-announced (the directory's TTL refresh)
 * @param announceDebounce how long to gather changes before announcing them
 * @param presenceTimeout  how long a member without an open stream or keep-alive stays in a room
 * @param historyRetention how long messages and events are kept
 * @param streamKeepAlive  interval of SSE comment lines; they also reveal closed connections
 * @param streamBacklog    events queued for one slow subscriber before its stream is closed (it resumes
 *                         with Last-Event-ID)
 * @param replayLimit      most events replayed to a stream resumed with Last-Event-ID
 * @param rateLimit        the posting limit of one member in one room
 * @param memberRateLimit  the limit of one member's writes across all rooms: messages, joins, rooms
 *                         created, topic changes
 * @param memberReadLimit  the limit of one member's reads across all rooms: room lists, history pages,
 *                         member lists
 * @param maxBody          largest request body, counted as it arrives (chunked or not)
 * @param quota            what one member, and everyone together, may hold at once
 */
@Validated
@ConfigurationProperties("p2pnet.chatroom")
public record ChatProperties(
        URI publicUrl,
        @DefaultValue List<URI> rendezvousUrls,
        @DefaultValue("5s") @NotNull Duration announceInterval,
        @DefaultValue("250ms") @NotNull Duration announceDebounce,
        @DefaultValue("60s") @NotNull Duration presenceTimeout,
        @DefaultValue("30d") @NotNull Duration historyRetention,
        @DefaultValue("15s") @NotNull Duration streamKeepAlive,
        @DefaultValue("4096") @Min(16) int streamBacklog,
        @DefaultValue("1000") @Min(1) int replayLimit,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue @Valid RateLimit memberRateLimit,
        @DefaultValue @Valid RateLimit memberReadLimit,
        @DefaultValue("64KB") @NotNull DataSize maxBody,
        @DefaultValue @Valid Quota quota) {

    public ChatProperties {
        for (Duration d : List.of(announceInterval, announceDebounce, presenceTimeout, historyRetention,
                streamKeepAlive)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("p2pnet.chatroom durations must be positive, got " + d);
            }
        }
        if (publicUrl != null) {
            requireHttpUrl("p2pnet.chatroom.public-url", publicUrl);
        }
        if (maxBody.toBytes() < 8 * 1024) {
            throw new IllegalArgumentException("p2pnet.chatroom.max-body must be at least 8KB (a 4 KiB message "
                    + "with a link must fit), got " + maxBody);
        }
        rendezvousUrls = List.copyOf(rendezvousUrls);
        rendezvousUrls.forEach(url -> requireHttpUrl("p2pnet.chatroom.rendezvous-urls", url));
    }

    private static void requireHttpUrl(String property, URI url) {
        if (!("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                || url.getHost() == null) {
            throw new IllegalArgumentException(property + " must be absolute http(s) URLs like "
                    + "http://host:port, got '" + url + "'");
        }
    }

    /**
     * A token bucket per member and room: {@code burst} messages at once, then {@code refill}
     * messages per {@code period}.
     */
    public record RateLimit(
            @DefaultValue("20") @Min(1) int burst,
            @DefaultValue("5") @Min(1) int refill,
            @DefaultValue("1s") @NotNull Duration period) {

        /** Buckets of this limit keyed by member (and room): at most one per peer id seen lately. */
        public TokenBuckets buckets(Clock clock) {
            return new TokenBuckets(burst, refill, period, clock, 1_000_000);
        }
    }

    /**
     * Per-member quotas (a member is a peer id, from its ticket) and totals for the whole service.
     *
     * @param roomsPerMember       rooms one member may own at once (deleting one frees its place)
     * @param rooms                rooms the service hosts at most
     * @param membershipsPerMember rooms one member may be in at once
     * @param streamsPerMember     event streams one member may have open at once
     * @param streams              event streams open at once on the whole service
     */
    public record Quota(
            @DefaultValue("20") @Min(1) int roomsPerMember,
            @DefaultValue("10000") @Min(1) int rooms,
            @DefaultValue("50") @Min(1) int membershipsPerMember,
            @DefaultValue("8") @Min(1) int streamsPerMember,
            @DefaultValue("2000") @Min(1) int streams) {
    }
}
