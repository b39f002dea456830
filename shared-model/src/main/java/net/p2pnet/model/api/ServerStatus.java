package net.p2pnet.model.api;

import java.time.Instant;

/**
 * One rendezvous server as another sees it ({@code GET /api/v1/servers}).
 *
 * @param address          {@code host:port}
 * @param state            {@code SELF}, {@code UP}, {@code UNREACHABLE}, {@code REFUSED} (failed the
 *                         secret handshake) or {@code UNKNOWN} (not contacted yet)
 * @param unreachableSince when it stopped answering, if it did
 * @param lastSync         last successful exchange with it
 */
public record ServerStatus(String address, String state, Instant unreachableSince, Instant lastSync) {
}
