package net.p2pnet.model.api;

/**
 * The key with which agents check each other's peer tickets, as a rendezvous server announces it
 * with every registration and heartbeat.
 *
 * @param network   the network name, which every ticket carries
 * @param publicKey the Ed25519 ticket public key, 43 characters of Base64url
 * @param proof     {@code TicketKeyProof} of network and key under the join key, so an agent knows the
 *                  key comes from a holder of its join key
 */
public record NetworkTicketKey(String network, String publicKey, String proof) {
}
