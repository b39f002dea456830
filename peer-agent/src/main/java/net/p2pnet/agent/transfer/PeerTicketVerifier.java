package net.p2pnet.agent.transfer;

/**
 * Decides whether a peer ticket presented on the transfer port is valid. When a bean implements this
 * (a private network), every transfer request needs {@code Authorization: Bearer <ticket>}; without
 * one (an open network) the transfer port serves anyone, so plain HTTP clients and BEP 19 web-seeding
 * BitTorrent clients work unchanged.
 */
public interface PeerTicketVerifier {

    /** @return true when {@code token} is a valid, unexpired ticket of this network */
    boolean isValid(String token);
}
