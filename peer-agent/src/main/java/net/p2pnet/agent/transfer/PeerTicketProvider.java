package net.p2pnet.agent.transfer;

import java.util.Optional;

/**
 * Supplies this agent's own peer ticket (from the rendezvous server) for requests to other agents'
 * transfer ports. Without such a bean requests carry no ticket (open network).
 */
public interface PeerTicketProvider {

    Optional<String> currentTicket();
}
