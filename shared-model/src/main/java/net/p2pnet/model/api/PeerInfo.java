package net.p2pnet.model.api;

import java.time.Instant;

/**
 * A live peer of the network ({@code GET /api/v1/peers}, {@code GET /api/v1/peers/{id}}).
 *
 * @param address    the peer's public IP as its home server saw it
 * @param port       the peer's transfer port
 * @param homeServer the rendezvous server ({@code host:port}) the peer registered with
 */
public record PeerInfo(String peerId, String name, String address, int port, Instant lastSeen, String homeServer) {
}
