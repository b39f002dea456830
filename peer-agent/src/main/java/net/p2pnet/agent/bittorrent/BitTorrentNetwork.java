package net.p2pnet.agent.bittorrent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.p2pnet.agent.download.PeerNetwork;
import net.p2pnet.agent.download.SourceEndpoint;
import net.p2pnet.agent.download.SourceLink;
import net.p2pnet.agent.download.SourceMismatchException;
import net.p2pnet.agent.download.WantedContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * BitTorrent as a network of the download engine: sources are peer-wire connections ({@link BtPeers}),
 * incoming ones included; a peer that turns out to be a p2pnet agent is reached through its native
 * transfer port instead (ed2k hashsets, source exchange); magnets resolve through BEP 9 ut_metadata.
 */
@Component
class BitTorrentNetwork implements PeerNetwork {

    private static final Logger log = LoggerFactory.getLogger(BitTorrentNetwork.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(20);
    private static final int WORKERS = 4;

    private final BtPeers peers;

    BitTorrentNetwork(BtPeers peers) {
        this.peers = peers;
    }

    @Override
    public String name() {
        return BITTORRENT;
    }

    @Override
    public boolean enabled() {
        return peers.enabled();
    }

    @Override
    public int listenPort() {
        return peers.port();
    }

    @Override
    public SourceLink connect(InetSocketAddress address, WantedContent wanted) throws IOException {
        BtPeer peer = peers.connect(address, wanted.infoHash());
        BitSet has = peer.has();
        if (has.length() > wanted.layout().pieceCount()) {
            peer.close("its bitfield names piece " + (has.length() - 1) + " of a torrent of "
                    + wanted.layout().pieceCount() + " pieces");
            throw new SourceMismatchException("its bitfield does not fit the torrent");
        }
        return new Link(peer, wanted.layout().pieceCount());
    }

    @Override
    public List<InetSocketAddress> discovered(String infoHashHex) {
        Set<InetSocketAddress> found = new LinkedHashSet<>();
        for (BtPeer peer : peers.connected(infoHashHex)) {
            found.add(peer.address());
            found.addAll(peer.pexPeers());
        }
        return new ArrayList<>(found);
    }

    @Override
    public Optional<byte[]> metainfo(InetSocketAddress address, String infoHashHex) throws InterruptedException {
        try {
            byte[] info = peers.fetchMetadata(address, infoHashHex, METADATA_TIMEOUT);
            // a torrent is the info dictionary plus optional trackers; the agent announces to its own tracker
            ByteArrayOutputStream torrent = new ByteArrayOutputStream(info.length + 9);
            torrent.writeBytes("d4:info".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            torrent.writeBytes(info);
            torrent.write('e');
            return Optional.of(torrent.toByteArray());
        } catch (IOException | RuntimeException e) {
            log.debug("no metadata for {} from {}: {}", infoHashHex, address, e.toString());
            return Optional.empty();
        }
    }

    /** One peer-wire connection as a download source. */
    private static final class Link implements SourceLink {

        private final BtPeer peer;
        private final int pieceCount;

        Link(BtPeer peer, int pieceCount) {
            this.peer = peer;
            this.pieceCount = pieceCount;
        }

        @Override
        public BitSet has() {
            return peer.has();
        }

        @Override
        public boolean complete() {
            return peer.has().cardinality() >= pieceCount;
        }

        @Override
        public int parallelism() {
            return WORKERS;
        }

        @Override
        public byte[] fetchPiece(int piece, int length, BlockSink sink) throws IOException, InterruptedException {
            try {
                return peer.fetchPiece(piece, length, bytes -> {
                    try {
                        sink.received(bytes);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                });
            } catch (IllegalStateException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted");
                }
                throw e;
            }
        }

        @Override
        public Optional<SourceEndpoint> upgrade() {
            return peer.p2pnetPort().isPresent() && peer.p2pnetPort().getAsInt() > 0
                    ? Optional.of(SourceEndpoint.p2pnet(new InetSocketAddress(peer.address().getAddress(),
                            peer.p2pnetPort().getAsInt())))
                    : Optional.empty();
        }

        @Override
        public List<SourceEndpoint> otherSources() {
            return peer.pexPeers().stream().map(SourceEndpoint::bittorrent).toList();
        }

        @Override
        public boolean metersItself() {
            return true; // the wire layer counts every block it receives, asked for or not
        }

        @Override
        public boolean isOpen() {
            return peer.isOpen();
        }

        @Override
        public void close(String reason) {
            peer.close(reason);
        }
    }
}
