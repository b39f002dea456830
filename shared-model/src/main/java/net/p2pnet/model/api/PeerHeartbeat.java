package net.p2pnet.model.api;

/**
 * Optional body of {@code PUT /api/v1/peers/{id}/heartbeat}.
 *
 * @param transferPort a changed transfer port, or 0 to keep the registered one
 */
public record PeerHeartbeat(int transferPort) {
}
