package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.transfer.FileInfo;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.agent.transfer.TransferClient;
import net.p2pnet.agent.transfer.TransferServer;
import net.p2pnet.model.hash.Ed2kHash;
import net.p2pnet.model.net.AddressScope;

/**
 * The native network: other agents' transfer ports over HTTP. A source first describes the file
 * (size, pieces, verified-pieces bitfield, ed2k hashset); one that disagrees with the download is
 * never used. Pieces are whole-piece HTTP requests; the source's bitfield is polled while it is
 * itself downloading.
 */
final class P2pnetNetwork implements PeerNetwork {

    private static final int WORKERS = 4;
    /**
     * Bytes asked for in one request (several pieces when they are smaller): every request costs
     * both agents a round of HTTP parsing, routing and an upload slot, which with 1 MiB pieces was
     * a visible share of their CPU (bench/transfer.sh, docs/benchmarks.md); an answer streams piece
     * by piece, so each is checked and written as soon as it is in.
     */
    static final int RUN_BYTES = 4 << 20;

    private final TransferClient client;
    private final TransferServer server;

    P2pnetNetwork(TransferClient client, TransferServer server) {
        this.client = client;
        this.server = server;
    }

    @Override
    public String name() {
        return P2PNET;
    }

    @Override
    public int listenPort() {
        return server.port();
    }

    @Override
    public SourceLink connect(InetSocketAddress address, WantedContent wanted) throws IOException, InterruptedException {
        FileInfo info = client.info(address, wanted.infoHash());
        Ed2kHash hashset = check(info, wanted);
        return new Link(address, wanted, info, hashset);
    }

    @Override
    public Optional<byte[]> metainfo(InetSocketAddress address, String infoHashHex) throws InterruptedException {
        try {
            return Optional.of(client.torrent(address, infoHashHex));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The source's hashset when it describes the same file, else why it must never be used. */
    private static Ed2kHash check(FileInfo info, WantedContent wanted) throws SourceMismatchException {
        PieceLayout layout = wanted.layout();
        if (!wanted.infoHash().equals(info.infoHash())) {
            throw new SourceMismatchException("it answers for info-hash " + info.infoHash());
        }
        if (info.size() != layout.size() || (wanted.statedSize() >= 0 && info.size() != wanted.statedSize())) {
            throw new SourceMismatchException("it says the file has " + info.size() + " bytes, not " + layout.size());
        }
        if (info.pieceLength() != layout.pieceLength() || info.pieceCount() != layout.pieceCount()) {
            throw new SourceMismatchException("it cuts the file into " + info.pieceCount() + " pieces of "
                    + info.pieceLength() + " bytes");
        }
        try {
            return Ed2kChunkCheck.hashsetOf(info, layout.size(), wanted.ed2kRoot());
        } catch (IllegalArgumentException e) {
            throw new SourceMismatchException(e.getMessage());
        }
    }

    private final class Link implements SourceLink {

        private final InetSocketAddress address;
        private final WantedContent wanted;
        private final Ed2kHash hashset;
        private volatile BitSet has;
        private volatile boolean complete;
        private volatile boolean open = true;

        Link(InetSocketAddress address, WantedContent wanted, FileInfo info, Ed2kHash hashset) {
            this.address = address;
            this.wanted = wanted;
            this.hashset = hashset;
            this.has = BitSet.valueOf(info.verifiedPieces());
            this.complete = info.complete();
        }

        @Override
        public BitSet has() {
            return (BitSet) has.clone();
        }

        @Override
        public boolean complete() {
            return complete;
        }

        @Override
        public int parallelism() {
            return WORKERS;
        }

        @Override
        public byte[] fetchPiece(int piece, int length, BlockSink sink) throws IOException, InterruptedException {
            return SourceLink.fetchAsRun(this, piece, length, sink);
        }

        @Override
        public int maxRun() {
            return Math.max(1, RUN_BYTES / wanted.layout().pieceLength());
        }

        @Override
        public void fetchRun(int first, int[] sizes, ByteBuffer buffer, BlockSink sink, PieceReceiver receiver)
                throws IOException, InterruptedException {
            try {
                client.pieces(address, wanted.infoHash(), first, sizes, buffer, sink::received,
                        (part, data) -> receiver.received(first + part, data));
            } catch (TransferClient.BusyException e) {
                throw new SourceBusyException(e.retryAfterSeconds(), e.getMessage());
            }
        }

        @Override
        public void refresh() throws IOException, InterruptedException {
            FileInfo info = client.info(address, wanted.infoHash());
            has = BitSet.valueOf(info.verifiedPieces());
            complete = info.complete();
        }

        @Override
        public Optional<Ed2kHash> ed2kHashset() {
            return Optional.ofNullable(hashset);
        }

        @Override
        public List<SourceEndpoint> otherSources() throws InterruptedException {
            List<SourceEndpoint> found = new ArrayList<>();
            try {
                // IP literals only (a name is never looked up), and a peer's list counts only so far;
                // one bad entry from a peer does not spoil the others
                client.sources(address, wanted.infoHash()).stream().limit(ServedContent.MAX_KNOWN_SOURCES)
                        .map(AddressScope::literalEndpoint).flatMap(Optional::stream)
                        .map(SourceEndpoint::p2pnet).forEach(found::add);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
            return found;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close(String reason) {
            open = false;
        }
    }
}
