package net.p2pnet.agent.bittorrent;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.bittorrent.BtPeer.BlockSink;
import net.p2pnet.agent.bittorrent.WireMessage.Cancel;
import net.p2pnet.agent.bittorrent.WireMessage.Piece;
import net.p2pnet.agent.bittorrent.WireMessage.Reject;
import net.p2pnet.agent.bittorrent.WireMessage.Request;

/**
 * Fetches pieces from one peer: the callers' threads ({@link #fetch}) pipeline requests for 16 KiB
 * blocks and wait; the connection's reader hands in what arrives ({@link #onPiece},
 * {@link #onReject}) and what changed (choke, unchoke, the peer's pieces, close). The fetches and
 * the blocks we cancelled are this class's alone, under its own lock.
 */
final class PieceFetcher {

    static final int BLOCK = WireCodec.BLOCK;
    private static final int DEFAULT_PIPELINE = 64;
    private static final int MAX_PIPELINE = 128;
    private static final long PATIENCE = TimeUnit.SECONDS.toNanos(30);

    private final PeerLink peer;
    private final Outbox outbox;
    private final boolean fast;
    private final TrafficMeter meter;
    private final AtomicLong downloaded = new AtomicLong();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private final Map<Integer, Fetch> fetches = new HashMap<>();
    private final Set<Long> cancelled = new LinkedHashSet<>();
    /** How many fetches run: read without the lock by the connection's interest. */
    private volatile int running;

    /** One piece being fetched; guarded by the fetcher's lock. */
    private static final class Fetch {
        final int index;
        final byte[] data;
        final int blocks;
        final BitSet requested = new BitSet();
        final BitSet received = new BitSet();
        final ArrayDeque<Integer> arrivals = new ArrayDeque<>();
        String failure;

        Fetch(int index, int length) {
            this.index = index;
            this.data = new byte[length];
            this.blocks = (length + BLOCK - 1) / BLOCK;
        }

        int blockLength(int block) {
            return Math.min(BLOCK, data.length - block * BLOCK);
        }

        boolean complete() {
            return received.cardinality() == blocks;
        }

        int inFlight() {
            BitSet pending = (BitSet) requested.clone();
            pending.andNot(received);
            return pending.cardinality();
        }
    }

    /** @param fast whether the peer speaks BEP 6, so its choke keeps our requests (it rejects them instead) */
    PieceFetcher(PeerLink peer, Outbox outbox, boolean fast, TrafficMeter meter) {
        this.peer = peer;
        this.outbox = outbox;
        this.fast = fast;
        this.meter = meter;
    }

    /** Payload bytes received (blocks we asked for) so far. */
    long downloaded() {
        return downloaded.get();
    }

    boolean fetching() {
        return running > 0;
    }

    /** See {@link BtPeer#fetchPiece}. */
    byte[] fetch(int index, int length, BlockSink sink) throws IOException, InterruptedException {
        if (index < 0 || length <= 0) {
            throw new IllegalArgumentException("piece " + index + " of " + length + " bytes");
        }
        Fetch fetch = new Fetch(index, length);
        lock.lock();
        try {
            peer.ensureOpen();
            if (fetches.putIfAbsent(index, fetch) != null) {
                throw new IOException("piece " + index + " is already being fetched from " + peer.key());
            }
            running = fetches.size();
        } finally {
            lock.unlock();
        }
        boolean complete = false;
        try {
            // checked once the fetch is registered: a bitfield arriving later fails it through peerPiecesChanged
            if (peer.lacks(index)) {
                throw new IOException(peer.key() + " does not have piece " + index);
            }
            peer.updateInterest();
            fetchLoop(fetch, sink);
            complete = true;
            return fetch.data;
        } finally {
            finish(fetch, complete);
        }
    }

    private void fetchLoop(Fetch fetch, BlockSink sink) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE;
        while (true) {
            List<Integer> arrived = new ArrayList<>();
            List<Integer> toRequest = new ArrayList<>();
            boolean choked;
            lock.lock();
            try {
                peer.ensureOpen();
                if (fetch.failure != null) {
                    throw new IOException(fetch.failure);
                }
                if (fetch.arrivals.isEmpty() && fetch.complete()) {
                    return;
                }
                arrived.addAll(fetch.arrivals);
                fetch.arrivals.clear();
                choked = peer.peerChoking();
                if (!choked) {
                    int room = pipeline() - inFlight();
                    for (int b = fetch.requested.nextClearBit(0); b < fetch.blocks && room > 0;
                         b = fetch.requested.nextClearBit(b + 1)) {
                        fetch.requested.set(b);
                        toRequest.add(b);
                        room--;
                    }
                }
                if (arrived.isEmpty() && toRequest.isEmpty()) {
                    long wait = deadline - System.nanoTime();
                    if (wait <= 0) {
                        throw new IOException(peer.key() + (choked ? " kept us choked" : " sent nothing") + " for "
                                + TimeUnit.NANOSECONDS.toSeconds(PATIENCE) + " s (piece " + fetch.index + ")");
                    }
                    changed.awaitNanos(wait);
                    continue;
                }
            } finally {
                lock.unlock();
            }
            for (int b : toRequest) {
                outbox.send(new Request(fetch.index, b * BLOCK, fetch.blockLength(b)));
            }
            for (int bytes : arrived) {
                sink.accept(bytes);
            }
            if (!arrived.isEmpty()) {
                deadline = System.nanoTime() + PATIENCE;
            }
        }
    }

    private int pipeline() {
        int requestQueue = peer.extensions().requestQueue();
        return requestQueue > 0 ? Math.min(requestQueue, MAX_PIPELINE) : DEFAULT_PIPELINE;
    }

    private int inFlight() {
        return fetches.values().stream().mapToInt(Fetch::inFlight).sum();
    }

    /** A fetch that ends unfinished cancels what it still waits for. */
    private void finish(Fetch fetch, boolean complete) {
        lock.lock();
        try {
            fetches.remove(fetch.index, fetch);
            running = fetches.size();
            if (!complete && peer.isOpen()) {
                BitSet pending = (BitSet) fetch.requested.clone();
                pending.andNot(fetch.received);
                pending.stream().forEach(b -> {
                    outbox.send(new Cancel(fetch.index, b * BLOCK, fetch.blockLength(b)));
                    rememberCancelled(fetch.index, b * BLOCK);
                });
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        peer.updateInterest();
    }

    /** Blocks we cancelled may still arrive (they were in flight): those are not hostile. */
    private void rememberCancelled(int index, int begin) {
        cancelled.add(blockKey(index, begin));
        if (cancelled.size() > 4 * MAX_PIPELINE) {
            Iterator<Long> oldest = cancelled.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private static long blockKey(int index, int begin) {
        return ((long) index << 32) | begin;
    }

    // ---------------------------------------------------------------- from the reader

    /** A block arrived: it must be one we asked for (or cancelled), else the peer is hostile. */
    void onPiece(Piece piece) throws ProtocolViolation {
        int index = piece.index();
        int begin = piece.begin();
        int length = piece.length();
        lock.lock();
        try {
            Fetch fetch = fetches.get(index);
            int block = begin / BLOCK;
            boolean expected = fetch != null && begin % BLOCK == 0 && block < fetch.blocks
                    && fetch.blockLength(block) == length && !fetch.received.get(block);
            if (!expected) {
                if (cancelled.remove(blockKey(index, begin))) {
                    return;
                }
                throw new ProtocolViolation("piece data we did not ask for: piece " + index + ", bytes " + begin + "+"
                        + length);
            }
            System.arraycopy(piece.buffer(), piece.offset(), fetch.data, begin, length);
            fetch.received.set(block);
            fetch.requested.set(block);
            fetch.arrivals.add(length);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        downloaded.addAndGet(length);
        meter.count(TrafficMeter.Direction.IN, "bittorrent", length);
    }

    /** BEP 6: a reject of a block we wait for fails that piece's fetch. */
    void onReject(Reject reject) {
        int index = reject.index();
        int begin = reject.begin();
        lock.lock();
        try {
            Fetch fetch = fetches.get(index);
            if (fetch != null && begin % BLOCK == 0 && fetch.requested.get(begin / BLOCK)
                    && !fetch.received.get(begin / BLOCK)) {
                fetch.failure = peer.key() + " rejected our request for piece " + index + " (BEP 6)";
                changed.signalAll();
            }
            // a reject for something we cancelled or already have is harmless
        } finally {
            lock.unlock();
        }
    }

    /** The peer choked us. BEP 3: that drops our pending requests, to ask again after the unchoke; BEP 6 keeps them. */
    void choked() {
        lock.lock();
        try {
            if (!fast) {
                for (Fetch fetch : fetches.values()) {
                    fetch.requested.and(fetch.received);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The peer told a new set of pieces: fetches of pieces it no longer has fail. */
    void peerPiecesChanged() {
        lock.lock();
        try {
            for (Fetch fetch : fetches.values()) {
                if (fetch.failure == null && peer.lacks(fetch.index)) {
                    fetch.failure = peer.key() + " does not have piece " + fetch.index;
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Something fetches wait for changed (an unchoke, the connection closed). */
    void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
