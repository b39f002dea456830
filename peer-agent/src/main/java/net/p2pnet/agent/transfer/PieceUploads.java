package net.p2pnet.agent.transfer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.WritableByteChannel;
import java.util.BitSet;
import java.util.List;
import net.p2pnet.agent.bandwidth.BandwidthLimits;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.storage.PieceLayout;
import org.springframework.http.HttpRange;
import org.springframework.stereotype.Component;

/**
 * Serves content bytes on the transfer port: whole pieces to agents, byte ranges to any HTTP client.
 * Every byte passes an upload slot and the global upload limit and is counted.
 */
@Component
public class PieceUploads {

    /** How long a busy agent asks to be left alone, in seconds (the Retry-After header). */
    static final int RETRY_AFTER_SECONDS = 2;
    private static final int BLOCK = 256 * 1024;
    /** The most bytes one request for several pieces may ask for. */
    static final int MAX_RUN_BYTES = 16 << 20;

    private final UploadSlots slots;
    private final BandwidthLimits limits;
    private final TrafficMeter meter;

    public PieceUploads(TransferProperties properties, BandwidthLimits limits, TrafficMeter meter) {
        this.slots = new UploadSlots(properties);
        this.limits = limits;
        this.meter = meter;
    }

    /** How many pieces one request may ask for: {@link #MAX_RUN_BYTES} worth, at least one. */
    static int maxRun(PieceLayout layout) {
        return Math.max(1, MAX_RUN_BYTES / layout.pieceLength());
    }

    /** Pieces {@code first .. first + count - 1}, back to back, all of which must be verified here. */
    void servePieces(TransferExchange ex, ServedContent content, int first, int count) throws IOException {
        int missing = content.verifiedPieces().nextClearBit(first);
        if (missing < first + count) {
            ex.problem(404, "Piece not available", "piece " + missing + " of " + content.infoHash()
                    + " is not verified on this agent yet");
            return;
        }
        PieceLayout layout = content.layout();
        long start = layout.pieceOffset(first);
        long end = layout.pieceOffset(first + count - 1) + layout.pieceSize(first + count - 1);
        withSlot(ex, () -> send(ex, 200, content, start, end - start, "agent"));
    }

    void serveFile(TransferExchange ex, ServedContent content, String name) throws IOException {
        if (!name.equals(content.name())) {
            ex.problem(404, "Unknown file", "file " + content.infoHash() + " is called '" + content.name()
                    + "', not '" + name + "'");
            return;
        }
        long size = content.layout().size();
        ex.setHeader("Accept-Ranges", "bytes");
        ByteRange range = range(ex, size);
        if (range == null) {
            return; // 416 answered
        }
        if (range.partial()) {
            ex.setHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
        }
        long start = range.first();
        long length = range.length();
        if (!covered(content, start, length)) {
            ex.problem(404, "Not available yet", "bytes " + start + ".." + (start + length - 1)
                    + " are not all verified on this agent yet");
            return;
        }
        withSlot(ex, () -> send(ex, range.partial() ? 206 : 200, content, start, length, "http"));
    }

    /** Bytes {@code first..last} (inclusive) to send; {@code partial} for a 206 answer. */
    private record ByteRange(long first, long last, boolean partial) {
        long length() {
            return last - first + 1;
        }
    }

    /** What to send, or null after answering 416 (RFC 9110 section 14). */
    private ByteRange range(TransferExchange ex, long size) throws IOException {
        String header = ex.header("Range").orElse(null);
        ByteRange whole = new ByteRange(0, size - 1, false);
        if (header == null) {
            return whole;
        }
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(header);
            if (ranges.size() != 1) {
                return whole; // RFC 9110 lets a server ignore Range; web seeds ask for one range
            }
            HttpRange r = ranges.get(0);
            long first = r.getRangeStart(size);
            if (first >= size) {
                throw new IllegalArgumentException("it starts at or after the end");
            }
            return new ByteRange(first, r.getRangeEnd(size), true);
        } catch (IllegalArgumentException e) {
            ex.setHeader("Content-Range", "bytes */" + size);
            ex.problem(416, "Range not satisfiable", "cannot serve Range '" + header + "' of a " + size
                    + "-byte file: " + e.getMessage());
            return null;
        }
    }

    private static boolean covered(ServedContent content, long start, long length) {
        if (length == 0) {
            return true;
        }
        PieceLayout layout = content.layout();
        BitSet verified = content.verifiedPieces();
        int last = layout.lastPiece(start, length);
        int firstMissing = verified.nextClearBit(layout.firstPiece(start));
        return firstMissing > last;
    }

    private void withSlot(TransferExchange ex, IoAction action) throws IOException {
        boolean acquired;
        try {
            acquired = slots.tryAcquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while queued for an upload slot");
        }
        if (!acquired) {
            ex.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            ex.problem(503, "All upload slots busy", "every upload slot and queue place is taken; retry in "
                    + RETRY_AFTER_SECONDS + " s");
            return;
        }
        try {
            action.run();
        } finally {
            slots.release();
        }
    }

    /**
     * Sends content in blocks: each passes the upload limit before it goes, and is counted once
     * sent. Blocks go kernel to kernel where the content allows ({@link ServedContent#transferTo}).
     */
    private void send(TransferExchange ex, int status, ServedContent content, long offset, long length, String kind)
            throws IOException {
        if (!ex.begin(status, "application/octet-stream", length)) {
            return;
        }
        WritableByteChannel out = ex.body();
        try {
            long done = 0;
            while (done < length) {
                long block = Math.min(BLOCK, length - done);
                limits.upload().acquire(block);
                long from = offset + done;
                ex.timed(() -> content.transferTo(from, block, out));
                meter.count(TrafficMeter.Direction.OUT, kind, block);
                content.uploaded(block);
                done += block;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading");
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
