package net.p2pnet.agent.download;

import java.time.Clock;
import java.util.BitSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * Which piece each source fetches next. Thread-safe; every worker of a download asks it.
 *
 * <ul>
 * <li>Rarest first (BEP 3's recommendation): among the pieces a source has and nobody fetches, the
 *     one fewest known sources hold. Ties go in file order from a point chosen at random per download:
 *     ed2k chunks then complete one after another, so their MD4 checks run while data still flows
 *     instead of all at the end, and two downloaders of one file still hold different pieces to
 *     trade.</li>
 * <li>Faster sources get more: workers pull a new piece as soon as they finish one, so a source
 *     that answers twice as fast is asked twice as often.</li>
 * <li>Endgame: when no piece is left unclaimed, a worker duplicates a piece in flight elsewhere
 *     (at most {@value #ENDGAME_COPIES} copies); the first good copy wins.</li>
 * <li>Runs: a request may take the pieces that follow the chosen one (as many as its network asks
 *     for at once), at most {@code 1/}{@value #TAIL_SHARE} of what is left for that source, so the
 *     last pieces are spread over the workers instead of queued behind one request.</li>
 * <li>Mirrors take only pieces no peer has taken within {@link #MIRROR_DELAY_MS} ms of their being
 *     wanted (pacsrv's fallback: peers first, the mirror for what they do not deliver).</li>
 * </ul>
 */
final class PieceBoard {

    static final byte MISSING = 0;
    static final byte IN_FLIGHT = 1;
    static final byte VERIFIED = 2;
    static final byte FAILED = 3;
    /** Written to disk, waiting for the next commit; shown as in flight. */
    private static final byte WRITTEN = 4;
    static final long MIRROR_DELAY_MS = 2_000;
    private static final int ENDGAME_COPIES = 2;
    private static final int TAIL_SHARE = 8;

    /** Consecutive pieces {@code first .. first + count - 1} claimed for one request; count 0 when none. */
    record Run(int first, int count) {
        static final Run NONE = new Run(-1, 0);
    }

    /*
     * A ReentrantLock, not synchronized: with a dozen virtual workers claiming pieces, the platform
     * commit thread waited up to 3.9 s to enter the board's monitor (JFR jdk.JavaMonitorEnter) and
     * stalled every commit meanwhile; j.u.c. locks queue waiters fairly enough for both kinds of thread.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] state;
    private final int[] availability;
    private final int[] requesters;
    /** When each piece was last wanted (clock millis): mirrors wait {@link #MIRROR_DELAY_MS} from then. */
    private final long[] wantedSince;
    private final int origin;
    private final Clock clock;

    /**
     * @param verified pieces already verified (a resumed download's)
     * @param clock    what the mirrors' grace period is measured with
     * @param random   picks the piece the search for the rarest starts from
     */
    PieceBoard(int pieceCount, BitSet verified, Clock clock, RandomGenerator random) {
        state = new byte[pieceCount];
        availability = new int[pieceCount];
        requesters = new int[pieceCount];
        wantedSince = new long[pieceCount];
        this.clock = clock;
        origin = pieceCount == 0 ? 0 : random.nextInt(pieceCount);
        long now = clock.millis();
        for (int i = 0; i < pieceCount; i++) {
            state[i] = verified.get(i) ? VERIFIED : MISSING;
            wantedSince[i] = now;
        }
    }

    void addAvailability(BitSet has) {
        lock.lock();
        try {
            has.stream().filter(i -> i < availability.length).forEach(i -> availability[i]++);
        } finally {
            lock.unlock();
        }
    }

    void removeAvailability(BitSet has) {
        lock.lock();
        try {
            has.stream().filter(i -> i < availability.length)
                    .forEach(i -> availability[i] = Math.max(0, availability[i] - 1));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Claims the next piece for a source.
     *
     * @param has      pieces the source can serve (all for a mirror)
     * @param avoid    pieces this source sent bad data for, or is already fetching
     * @param mirror   whether the source is an HTTP mirror (takes only pieces peers left waiting)
     * @return the piece index, or -1 when there is nothing for this source now
     */
    int claim(BitSet has, BitSet avoid, boolean mirror) {
        return claimRun(has, avoid, mirror, 1).first();
    }

    /**
     * Claims the next piece for a source as {@link #claim} does and, when it was not an endgame copy,
     * up to {@code max - 1} of the pieces right after it that the source could take as well.
     */
    Run claimRun(BitSet has, BitSet avoid, boolean mirror, int max) {
        lock.lock();
        try {
            long now = clock.millis();
            int piece = rarestUnclaimed(has, avoid, mirror, now);
            if (piece < 0) {
                piece = endgameCopy(has, avoid, mirror, now);
                if (piece < 0) {
                    return Run.NONE;
                }
                take(piece);
                return new Run(piece, 1);
            }
            int limit = max <= 1 ? 1 : Math.min(max, Math.max(1, countTakeable(has, avoid, mirror, now) / TAIL_SHARE));
            int count = 1;
            while (count < limit && piece + count < state.length && takeable(piece + count, has, avoid, mirror, now)) {
                count++;
            }
            for (int i = piece; i < piece + count; i++) {
                take(i);
            }
            return new Run(piece, count);
        } finally {
            lock.unlock();
        }
    }

    private void take(int piece) {
        state[piece] = IN_FLIGHT;
        requesters[piece]++;
    }

    private boolean takeable(int i, BitSet has, BitSet avoid, boolean mirror, long now) {
        return (state[i] == MISSING || state[i] == FAILED) && has.get(i) && !avoid.get(i)
                && (!mirror || now - wantedSince[i] >= MIRROR_DELAY_MS);
    }

    private int countTakeable(BitSet has, BitSet avoid, boolean mirror, long now) {
        int count = 0;
        for (int i = 0; i < state.length; i++) {
            if (takeable(i, has, avoid, mirror, now)) {
                count++;
            }
        }
        return count;
    }

    private int rarestUnclaimed(BitSet has, BitSet avoid, boolean mirror, long now) {
        int n = state.length;
        int start = origin;
        int best = -1;
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if (takeable(i, has, avoid, mirror, now) && (best < 0 || availability[i] < availability[best])) {
                best = i;
            }
        }
        return best;
    }

    private int endgameCopy(BitSet has, BitSet avoid, boolean mirror, long now) {
        int best = -1;
        for (int i = 0; i < state.length; i++) {
            if (state[i] == IN_FLIGHT && has.get(i) && !avoid.get(i) && requesters[i] < ENDGAME_COPIES
                    && (!mirror || now - wantedSince[i] >= MIRROR_DELAY_MS)
                    && (best < 0 || requesters[i] < requesters[best])) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Claims the writing of a piece whose copy passed SHA-1 (it counts once committed, {@link #verified}).
     *
     * @return false when another copy was already stored (an endgame duplicate that lost the race)
     */
    boolean markWritten(int piece) {
        lock.lock();
        try {
            requesters[piece] = Math.max(0, requesters[piece] - 1);
            if (state[piece] == WRITTEN || state[piece] == VERIFIED) {
                return false;
            }
            state[piece] = WRITTEN;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The piece is durable and counted. */
    void verified(int piece) {
        lock.lock();
        try {
            state[piece] = VERIFIED;
        } finally {
            lock.unlock();
        }
    }

    /** Pieces a group commit made durable (one lock round for the whole batch). */
    void verified(BitSet pieces) {
        lock.lock();
        try {
            pieces.stream().forEach(i -> state[i] = VERIFIED);
        } finally {
            lock.unlock();
        }
    }

    /** A copy of the piece failed its hash check. */
    void failed(int piece) {
        lock.lock();
        try {
            release(piece, FAILED);
        } finally {
            lock.unlock();
        }
    }

    /** A request ended without data (source gone, busy, paused): the piece is free again. */
    void abandoned(int piece) {
        lock.lock();
        try {
            release(piece, MISSING);
        } finally {
            lock.unlock();
        }
    }

    /** Pieces taken back (failed final check, lost commit): they are fetched again. */
    void reopen(BitSet pieces) {
        lock.lock();
        try {
            long now = clock.millis();
            pieces.stream().forEach(i -> {
                state[i] = FAILED;
                wantedSince[i] = now;
            });
        } finally {
            lock.unlock();
        }
    }

    private void release(int piece, byte newState) {
        requesters[piece] = Math.max(0, requesters[piece] - 1);
        if (state[piece] != VERIFIED && state[piece] != WRITTEN && requesters[piece] == 0) {
            state[piece] = newState;
            wantedSince[piece] = clock.millis();
        }
    }

    boolean isVerified(int piece) {
        lock.lock();
        try {
            return state[piece] == VERIFIED;
        } finally {
            lock.unlock();
        }
    }

    /** Whether every piece is written (waiting for its commit) or verified: nothing is left to fetch. */
    boolean allStored() {
        lock.lock();
        try {
            for (byte s : state) {
                if (s != VERIFIED && s != WRITTEN) {
                    return false;
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean allVerified() {
        lock.lock();
        try {
            for (byte s : state) {
                if (s != VERIFIED) {
                    return false;
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    byte[] snapshot() {
        lock.lock();
        try {
            byte[] copy = state.clone();
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] == WRITTEN) {
                    copy[i] = IN_FLIGHT;
                }
            }
            return copy;
        } finally {
            lock.unlock();
        }
    }
}
