package net.p2pnet.agent.bittorrent;

/** What the {@link Choker} sees of a connection (a seam so the choking policy is testable on its own). */
interface ChokeTarget {

    boolean isOpen();

    /** The peer is interested in what we have (and the connection is open). */
    boolean peerInterested();

    /** Whether we choke the peer now. */
    boolean amChoking();

    /** Payload bytes received from the peer so far. */
    long downloaded();

    /** Payload bytes sent to the peer so far. */
    long uploaded();

    void setChoking(boolean choke);
}
