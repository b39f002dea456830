package net.p2pnet.agent.bittorrent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * One live peer-wire connection (incoming or outgoing), as the download engine uses it. Thread-safe.
 * Payload bytes are counted in {@code TrafficMeter} (peer kind {@code bittorrent}) by this layer.
 */
public interface BtPeer {

    /** "host:port" of the remote; for an incoming connection the listen port it gave ("p"), else the socket's. */
    String key();

    InetSocketAddress address();

    /** From the extension handshake "v" or the peer id's client prefix, for display. */
    String client();

    boolean isOpen();

    /** Pieces the peer has (bitfield / have / have_all), a copy. */
    BitSet has();

    /** The remote is a p2pnet agent: its native HTTP transfer port (extension handshake key "p2pnet_port"). */
    OptionalInt p2pnetPort();

    /**
     * Fetches one whole piece: declares interest, waits for unchoke, pipelines requests for all its
     * 16 KiB blocks, calls sink.accept(n) as each block's n bytes arrive (the sink may throw a
     * RuntimeException to abort: rate limiting and stop are done there), returns the piece's bytes
     * (NOT verified: the engine checks SHA-1). Several threads may fetch different pieces at once
     * on one connection. Fails with IOException when the connection closes, the peer rejects (BEP 6)
     * or stays choked / silent for 30 s; the piece is then the caller's to re-fetch elsewhere.
     */
    byte[] fetchPiece(int index, int length, BlockSink sink) throws IOException, InterruptedException;

    /** Peers learnt by ut_pex (never for private torrents). */
    List<InetSocketAddress> pexPeers();

    /** Payload bytes received on this connection. */
    long downloaded();

    /** Payload bytes sent on this connection. */
    long uploaded();

    /** Closes the connection; logs the reason. */
    void close(String reason);

    @FunctionalInterface
    interface BlockSink {
        void accept(int bytes);
    }
}
