package net.p2pnet.model.api;

import java.time.Instant;
import java.util.List;

/**
 * An agent's session with the rendezvous servers as its control API shows it ({@code GET /api/v1/network}).
 * {@code ticketKey} is the pinned key other agents' tickets are checked with (null until one is pinned).
 */
public record RendezvousSessionView(boolean registered, String server, String peerId, String observedAddress,
                                    Instant ticketExpiresAt, String lastError, List<String> servers, String ticketKey) {
    public RendezvousSessionView {
        servers = servers == null ? List.of() : List.copyOf(servers);
    }
}
