package net.p2pnet.agent.download;

import java.net.URI;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.p2pnet.model.api.SourceView;

/**
 * One place a download gets data from: a peer reached through one of the agent's networks (another
 * agent's transfer port, a BitTorrent peer), or an HTTP mirror / BEP 19 web seed. Remembers what it
 * gave, whether it sent bad data, and what it has.
 */
final class RemoteSource {

    /** Bad pieces after which a source is banned for this file (the first may be a line error). */
    static final int BAN_AFTER_BAD_PIECES = 2;

    private final SourceEndpoint endpoint;
    private final URI mirror;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger badPieces = new AtomicInteger();
    private final BitSet badSet = new BitSet();
    private final BitSet inFlight = new BitSet();
    private volatile BitSet has = new BitSet();
    private volatile String rejectedBecause;
    private volatile boolean banned;
    private volatile SourceEndpoint supersededBy;
    private volatile SourceLink link;
    private final AtomicBoolean active = new AtomicBoolean();
    /** The last RATE_SAMPLES (time, bytes) samples of {@link #sampleRate}: the rate is over those few seconds. */
    private static final int RATE_SAMPLES = 4;
    private final long[] sampleMillis = new long[RATE_SAMPLES];
    private final long[] sampleBytes = new long[RATE_SAMPLES];
    private int samples;
    private volatile long rate;

    private RemoteSource(SourceEndpoint endpoint, URI mirror) {
        this.endpoint = endpoint;
        this.mirror = mirror;
    }

    static RemoteSource peer(SourceEndpoint endpoint) {
        return new RemoteSource(endpoint, null);
    }

    static RemoteSource mirror(URI url) {
        return new RemoteSource(null, url);
    }

    boolean isMirror() {
        return mirror != null;
    }

    SourceEndpoint endpoint() {
        return endpoint;
    }

    /** The network it is reached through: a {@link PeerNetwork} name, or {@code http} for a mirror. */
    String network() {
        return isMirror() ? "http" : endpoint.network();
    }

    URI mirrorUrl() {
        return mirror;
    }

    String key() {
        return isMirror() ? mirror.toString() : endpoint.key();
    }

    /** The {@code peer_kind} label of the byte counters. */
    String peerKind() {
        if (isMirror()) {
            return "mirror";
        }
        return PeerNetwork.P2PNET.equals(endpoint.network()) ? "agent" : endpoint.network();
    }

    /** The link its workers use while it is active. */
    void attach(SourceLink current) {
        link = current;
    }

    SourceLink link() {
        return link;
    }

    /** Closes its link, if any (a ban, or the download stopped). */
    void closeLink(String reason) {
        SourceLink current = link;
        if (current != null) {
            current.close(reason);
        }
    }

    /** The same source is reachable through a better network endpoint; this one is retired. */
    void supersede(SourceEndpoint better) {
        supersededBy = better;
    }

    boolean isSuperseded() {
        return supersededBy != null;
    }

    void received(long count) {
        bytes.addAndGet(count);
    }

    long bytes() {
        return bytes.get();
    }

    /** What it has (read only: replaced, never changed, when it gains pieces). */
    BitSet has() {
        return has;
    }

    synchronized void setHas(BitSet pieces) {
        has = (BitSet) pieces.clone();
    }

    /**
     * Records what the source has now (workers and the refresher may look at the same time).
     *
     * @return the pieces it gained since the last look (each counted once, by one caller)
     */
    synchronized BitSet gain(BitSet now) {
        BitSet gained = (BitSet) now.clone();
        gained.andNot(has);
        if (!gained.isEmpty()) {
            BitSet all = (BitSet) has.clone();
            all.or(now);
            has = all;
        }
        return gained;
    }

    /** Records a piece that failed verification; true when this made the source banned. */
    synchronized boolean badPiece(int piece) {
        badSet.set(piece);
        if (badPieces.incrementAndGet() >= BAN_AFTER_BAD_PIECES && !banned) {
            banned = true;
            return true;
        }
        return false;
    }

    synchronized BitSet badPieces() {
        return (BitSet) badSet.clone();
    }

    /**
     * Claims consecutive pieces on {@code board} for one request of one of this source's workers
     * ({@link PieceBoard#claimRun}): never one it sent bad data for, nor one another of its workers is
     * already fetching (endgame copies go to other sources).
     */
    synchronized PieceBoard.Run claimRun(PieceBoard board, int max) {
        BitSet avoid = (BitSet) badSet.clone();
        avoid.or(inFlight);
        PieceBoard.Run run = board.claimRun(has, avoid, isMirror(), max);
        if (run.count() > 0) {
            inFlight.set(run.first(), run.first() + run.count());
        }
        return run;
    }

    synchronized void done(PieceBoard.Run run) {
        inFlight.clear(run.first(), run.first() + run.count());
    }

    /** Never use this source (its size or hashset disagrees with what we download). */
    void reject(String reason) {
        rejectedBecause = reason;
    }

    String rejectedBecause() {
        return rejectedBecause;
    }

    boolean isUsable() {
        return !banned && rejectedBecause == null && supersededBy == null;
    }

    /** Marks the source as being worked on; false when it already is. */
    boolean activate() {
        return active.compareAndSet(false, true);
    }

    /** Its workers left (gone, failing, or the download stopped): discovery may start it again. */
    void deactivate() {
        active.set(false);
    }

    boolean isBanned() {
        return banned;
    }

    /** Called by the download's rate sampler about once a second, with the engine clock's millis. */
    synchronized void sampleRate(long nowMillis) {
        int slot = samples % RATE_SAMPLES;
        sampleMillis[slot] = nowMillis;
        sampleBytes[slot] = bytes.get();
        samples++;
        int oldest = samples < RATE_SAMPLES ? 0 : samples % RATE_SAMPLES;
        long elapsed = nowMillis - sampleMillis[oldest];
        rate = elapsed <= 0 ? 0 : (sampleBytes[slot] - sampleBytes[oldest]) * 1000 / elapsed;
    }

    SourceView view() {
        return new SourceView(key(), network(), bytes.get(), banned || rejectedBecause != null, rate);
    }
}
