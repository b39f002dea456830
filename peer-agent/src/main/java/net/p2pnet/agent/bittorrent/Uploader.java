package net.p2pnet.agent.bittorrent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import net.p2pnet.agent.bandwidth.RateLimiter;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.bittorrent.WireMessage.Cancel;
import net.p2pnet.agent.bittorrent.WireMessage.Reject;
import net.p2pnet.agent.bittorrent.WireMessage.Request;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.transfer.ServedContent;

/**
 * Serves one peer's requests: checks each against the content we serve, queues it, and (on its
 * own thread, {@link #run}) reads the block, passes it through the upload limit and hands it to
 * the writer. Only verified pieces are served, and only while we do not choke the peer.
 */
final class Uploader {

    private static final int MAX_REQUEST = 128 * 1024;
    /** Requests a peer may have waiting; also what we tell peers ("reqq"). */
    static final int MAX_QUEUED_REQUESTS = 500;

    private final PeerLink peer;
    private final Outbox outbox;
    private final boolean fast;
    private final RateLimiter limit;
    private final TrafficMeter meter;
    private final LinkedBlockingDeque<Request> requests = new LinkedBlockingDeque<>();
    private final AtomicLong uploaded = new AtomicLong();

    /** @param fast whether the peer speaks BEP 6, so requests we will not serve are rejected, not ignored */
    Uploader(PeerLink peer, Outbox outbox, boolean fast, RateLimiter limit, TrafficMeter meter) {
        this.peer = peer;
        this.outbox = outbox;
        this.fast = fast;
        this.limit = limit;
        this.meter = meter;
    }

    /** Payload bytes sent so far. */
    long uploaded() {
        return uploaded.get();
    }

    void onRequest(Request request) throws ProtocolViolation {
        int index = request.index();
        int begin = request.begin();
        int length = request.length();
        Optional<ServedTorrent> content = peer.content();
        if (content.isEmpty()) {
            throw new ProtocolViolation("request for piece " + index + " of content this agent does not serve");
        }
        PieceLayout layout = content.get().content().layout();
        if (index < 0 || index >= layout.pieceCount()) {
            throw new ProtocolViolation("request for piece " + index + " of " + layout.pieceCount());
        }
        if (length <= 0 || length > MAX_REQUEST) {
            throw new ProtocolViolation("request for " + length + " bytes (0 < length <= " + MAX_REQUEST + ")");
        }
        if (begin < 0 || (long) begin + length > layout.pieceSize(index)) {
            throw new ProtocolViolation("request for bytes " + begin + "+" + length + " beyond piece " + index
                    + " of " + layout.pieceSize(index) + " bytes");
        }
        if (peer.amChoking() || !content.get().content().verifiedPieces().get(index)) {
            // requests racing our choke, or for a piece we never announced: BEP 6 says reject, BEP 3 ignore
            reject(request);
            return;
        }
        if (requests.size() >= MAX_QUEUED_REQUESTS) {
            throw new ProtocolViolation("more than " + MAX_QUEUED_REQUESTS + " queued requests");
        }
        requests.add(request);
    }

    void onCancel(Cancel cancel) {
        requests.remove(cancel.request());
    }

    /** We choked the peer: its queued requests are dropped (and rejected, BEP 6). */
    void choked() {
        List<Request> dropped = new ArrayList<>();
        requests.drainTo(dropped);
        dropped.forEach(this::reject);
    }

    void clear() {
        requests.clear();
    }

    private void reject(Request request) {
        if (fast) {
            outbox.send(new Reject(request.index(), request.begin(), request.length()));
        }
    }

    /** The uploader thread: serves queued requests until interrupted. */
    void run() throws IOException, InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            Request request = requests.take();
            Optional<ServedTorrent> content = peer.content();
            if (content.isEmpty() || peer.amChoking()) {
                continue;
            }
            ServedContent served = content.get().content();
            int length = request.length();
            // the block is read straight into the message that carries it
            byte[] frame = WireCodec.pieceFrame(request.index(), request.begin(), length);
            long offset = served.layout().pieceOffset(request.index()) + request.begin();
            ByteBuffer block = ByteBuffer.wrap(frame, WireCodec.PIECE_HEADER, length);
            while (block.hasRemaining()) {
                long at = offset + block.position() - WireCodec.PIECE_HEADER;
                if (served.read(at, block) <= 0) {
                    throw new IOException("content of " + served.infoHash() + " ended at " + at);
                }
            }
            limit.acquire(length);
            outbox.sendPiece(frame);
            uploaded.addAndGet(length);
            meter.count(TrafficMeter.Direction.OUT, "bittorrent", length);
            served.uploaded(length);
        }
    }
}
