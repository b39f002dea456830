package net.p2pnet.agent.download;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * One network the agent downloads through, as a plug-in of the download engine: the native p2pnet
 * transfer protocol (HTTP between agents) and the BitTorrent peer wire protocol are two of them. A
 * download uses sources of every network at once; each source is reached through a {@link SourceLink}
 * of its network, and the engine (piece choice, verification, storage, bans) is the same for all.
 * Uploads are the other half of a network: each network's server answers from
 * {@link net.p2pnet.agent.transfer.ContentCatalog}, which serves complete shares and the verified
 * pieces of downloads in progress alike.
 */
public interface PeerNetwork {

    /** Native agent-to-agent transfer over HTTP on the transfer port. */
    String P2PNET = "p2pnet";
    /** The BitTorrent peer wire protocol (BEP 3), which standard clients speak. */
    String BITTORRENT = "bittorrent";

    /** The network's name, as in {@link SourceEndpoint#network()} and in metrics ({@code peer_kind}). */
    String name();

    /** The port this agent listens on for the network (-1 when it does not listen). */
    int listenPort();

    /** Whether the network is switched on in this agent. */
    default boolean enabled() {
        return true;
    }

    /**
     * Connects to a possible source of {@code wanted}.
     *
     * @throws SourceMismatchException when the source offers other content than {@code wanted} (never use it again)
     * @throws IOException             when it cannot be reached now (it may be tried again later)
     */
    SourceLink connect(InetSocketAddress address, WantedContent wanted) throws IOException, InterruptedException;

    /** Sources the network found by itself for an info-hash (peers that connected to us, peer exchange). */
    default List<InetSocketAddress> discovered(String infoHashHex) {
        return List.of();
    }

    /** The raw {@code .torrent} (or bare info dictionary wrapped as one) of an info-hash, asked of one peer. */
    default Optional<byte[]> metainfo(InetSocketAddress address, String infoHashHex) throws InterruptedException {
        return Optional.empty();
    }
}
