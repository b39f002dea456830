package net.p2pnet.model.api;

/** The caller's address and source port as a rendezvous server sees them ({@code GET /api/v1/whoami}). */
public record ObservedAddress(String address, int port) {
}
