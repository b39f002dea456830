package net.p2pnet.model.api;

/**
 * What another operator needs to federate with a rendezvous server ({@code GET /federation/v1/self},
 * {@code --print-identity}): its address and the fingerprint of the network key, never the secret.
 */
public record ServerIdentity(String address, String network, String fingerprint) {
}
