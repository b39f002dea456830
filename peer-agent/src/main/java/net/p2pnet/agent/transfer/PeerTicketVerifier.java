package net.p2pnet.agent.transfer;

import net.p2pnet.model.crypto.PeerTicket;

/**
 * Checks peer tickets presented on the transfer port. When a bean implements this (a private
 * network), every connection must prove membership ({@link MemberProof}); without one (an open
 * network) the transfer port serves anyone, so plain HTTP clients and BEP 19 web-seeding BitTorrent
 * clients work unchanged.
 */
public interface PeerTicketVerifier {

    /**
     * @return the ticket, when {@code token} is a valid, unexpired ticket of this network
     * @throws net.p2pnet.model.crypto.VerificationException why it is not
     */
    PeerTicket verify(String token);
}
