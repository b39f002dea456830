package net.p2pnet.model.api;

import java.time.Instant;

/**
 * Answer to a heartbeat: the address the server sees now and a fresh ticket and passkey, so an
 * agent that keeps beating never holds an expired ticket, and the network's ticket key.
 */
public record HeartbeatResponse(ObservedAddress observed, String ticket, Instant ticketExpiresAt, String passkey,
        NetworkTicketKey ticketKey) {
}
