package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.URI;
import java.util.BitSet;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.transfer.TransferClient;

/**
 * An HTTP mirror or BEP 19 web seed: has every piece, serves byte ranges of the whole file. Used
 * for pieces no peer delivered in time ({@link PieceBoard} hands mirrors only those).
 */
final class MirrorLink implements SourceLink {

    private static final int WORKERS = 2;

    private final TransferClient client;
    private final URI url;
    private final PieceLayout layout;

    MirrorLink(TransferClient client, URI url, PieceLayout layout) {
        this.client = client;
        this.url = url;
        this.layout = layout;
    }

    @Override
    public BitSet has() {
        BitSet all = new BitSet();
        all.set(0, layout.pieceCount());
        return all;
    }

    @Override
    public boolean complete() {
        return true;
    }

    @Override
    public int parallelism() {
        return WORKERS;
    }

    @Override
    public byte[] fetchPiece(int piece, int length, BlockSink sink) throws IOException, InterruptedException {
        return SourceLink.fetchAsRun(this, piece, length, sink);
    }

    /** Mirrors serve ranges: a run of pieces is one Range request (as many bytes as an agent is asked for). */
    @Override
    public int maxRun() {
        return Math.max(1, P2pnetNetwork.RUN_BYTES / layout.pieceLength());
    }

    @Override
    public void fetchRun(int first, int[] sizes, ByteBuffer buffer, BlockSink sink, PieceReceiver receiver)
            throws IOException, InterruptedException {
        try {
            client.ranges(url, layout.pieceOffset(first), sizes, buffer, sink::received,
                    (part, data) -> receiver.received(first + part, data));
        } catch (TransferClient.BusyException e) {
            throw new SourceBusyException(e.retryAfterSeconds(), e.getMessage());
        }
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close(String reason) {
        // stateless HTTP: nothing to close
    }
}
