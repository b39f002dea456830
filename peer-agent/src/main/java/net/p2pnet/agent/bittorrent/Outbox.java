package net.p2pnet.agent.bittorrent;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything a connection sends, in order: anyone queues ({@link #send} never blocks), one writer
 * thread ({@link #drainTo}) owns the socket's output, so only it ever waits for a slow peer. Piece
 * data has a budget of its own ({@link #sendPiece} waits for room), so an uploader cannot pile up
 * more than that in memory for a peer that reads slowly.
 */
final class Outbox {

    /** Piece bytes handed to the writer but not yet on the socket: {@link #sendPiece} waits beyond this. */
    static final int PIECE_BUDGET = 1 << 20;

    /** Control bytes (rejects, haves...) queued for a peer that does not read: beyond this we give up. */
    static final long MAX_QUEUED_BYTES = 8L << 20;

    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Semaphore pieceBudget = new Semaphore(PIECE_BUDGET);
    private final Overflow overflow;
    private volatile long lastSent = System.nanoTime();

    /** Told (once per message beyond the bound, on the sender's thread) that the peer lets too much pile up. */
    @FunctionalInterface
    interface Overflow {
        void tooMuchQueued(long bytes);
    }

    Outbox(Overflow overflow) {
        this.overflow = overflow;
    }

    void send(WireMessage message) {
        send(WireCodec.encode(message));
    }

    /** Queues a frame for the writer; never blocks. */
    void send(byte[] frame) {
        long queued = queuedBytes.addAndGet(frame.length);
        queue.add(frame);
        if (queued > MAX_QUEUED_BYTES) {
            overflow.tooMuchQueued(queued);
        }
    }

    /** Queues a piece message ({@link WireCodec#pieceFrame}) once the piece budget has room for it. */
    void sendPiece(byte[] frame) throws InterruptedException {
        pieceBudget.acquire(frame.length);
        send(frame);
    }

    /** The writer's loop: writes until interrupted; flushes whenever the queue runs empty. */
    void drainTo(OutputStream out) throws IOException, InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            byte[] frame = queue.take();
            out.write(frame);
            queuedBytes.addAndGet(-frame.length);
            if (WireCodec.isPiece(frame)) {
                pieceBudget.release(frame.length);
            }
            if (queue.isEmpty()) {
                out.flush();
            }
            lastSent = System.nanoTime();
        }
    }

    /** Nothing written for {@code nanos} and nothing waiting: time for a keep-alive. */
    boolean idleFor(long nanos) {
        return System.nanoTime() - lastSent > nanos && queue.isEmpty();
    }

    void clear() {
        queue.clear();
    }
}
