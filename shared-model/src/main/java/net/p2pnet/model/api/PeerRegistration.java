package net.p2pnet.model.api;

/**
 * Body of {@code POST /api/v1/peers} on a rendezvous server.
 *
 * @param name         a display name (1-128 characters)
 * @param transferPort the agent's peer-to-peer port (1-65535)
 * @param peerId       the id to keep across restarts, or null for a new one (1-64 of {@code A-Z a-z 0-9 . _ -})
 * @param joinKey      the network's join key (agents never hold the network secret)
 */
public record PeerRegistration(String name, int transferPort, String peerId, String joinKey) {
}
