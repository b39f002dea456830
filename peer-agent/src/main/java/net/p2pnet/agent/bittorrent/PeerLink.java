package net.p2pnet.agent.bittorrent;

import java.io.IOException;
import java.util.Optional;

/**
 * What a connection's protocol parts ({@link PieceFetcher}, {@link Uploader},
 * {@link MetadataExchange}, {@link PeerExchange}) see of it: its name, whether it is open, the
 * content it serves, what the peer told in its extension handshake, and the choke and interest
 * state, which the connection alone owns.
 */
interface PeerLink {

    /** "host:port" of the peer, for messages. */
    String key();

    boolean isOpen();

    /** @throws IOException naming why the connection closed, once it has */
    void ensureOpen() throws IOException;

    /** The content we serve for this info-hash now, if any (a download may appear or complete later). */
    Optional<ServedTorrent> content();

    /** The peer's extension handshake; {@link PeerExtensions#NONE} before it (or without BEP 10). */
    PeerExtensions extensions();

    /** Whether the peer chokes us (we may not request). */
    boolean peerChoking();

    /** Whether we choke the peer (we do not serve). */
    boolean amChoking();

    /** The peer told which pieces it has and {@code index} is not among them. */
    boolean lacks(int index);

    /** Our interest may have changed (a fetch began or ended): tell the peer if it did. */
    void updateInterest();
}
