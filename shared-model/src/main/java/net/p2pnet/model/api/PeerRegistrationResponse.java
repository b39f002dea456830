package net.p2pnet.model.api;

import java.time.Instant;
import java.util.List;

/**
 * Answer to {@code POST /api/v1/peers}.
 *
 * @param ticket                   the signed peer ticket, sent as {@code Authorization: Bearer <ticket>}
 *                                 to every service of the network
 * @param passkey                  the private tracker passkey derived from the ticket ({@code /a/{passkey}/announce})
 * @param heartbeatIntervalSeconds how often to call {@code PUT /api/v1/peers/{id}/heartbeat}
 * @param ticketKey                the key that verifies every peer ticket of the network, vouched for
 *                                 with the join key: agents pin it and check each other's tickets
 */
public record PeerRegistrationResponse(String peerId, String ticket, Instant ticketExpiresAt, String passkey,
        ObservedAddress observed, List<PeerInfo> neighbours, long heartbeatIntervalSeconds, String homeServer,
        NetworkTicketKey ticketKey) {
    public PeerRegistrationResponse {
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
    }
}
