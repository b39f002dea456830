package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Piece selection with a clock and a random generator of the test's own: no sleeping, no luck. */
class PieceBoardTest {

    private Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void rarestPieceComesFirst() {
        PieceBoard board = board(4, new BitSet());
        board.addAvailability(bits(0, 1, 2, 3));
        board.addAvailability(bits(0, 1, 3));
        board.addAvailability(bits(0, 3));
        // availability: 0->3, 1->2, 2->1, 3->3
        assertThat(board.claim(bits(0, 1, 2, 3), new BitSet(), false)).isEqualTo(2);
        assertThat(board.claim(bits(0, 1, 2, 3), new BitSet(), false)).isEqualTo(1);
    }

    @Test
    void verifiedAndAvoidedPiecesAreNeverClaimed() {
        PieceBoard board = board(3, bits(0));
        assertThat(board.claim(bits(0, 1, 2), bits(1), false)).isEqualTo(2);
        assertThat(board.claim(bits(0), new BitSet(), false)).isEqualTo(-1);
    }

    @Test
    void endgameDuplicatesAPieceInFlightAtMostOnce() {
        PieceBoard board = board(1, new BitSet());
        assertThat(board.claim(bits(0), new BitSet(), false)).isZero();
        assertThat(board.claim(bits(0), new BitSet(), false)).isZero();
        assertThat(board.claim(bits(0), new BitSet(), false)).isEqualTo(-1);
        board.verified(0);
        assertThat(board.allVerified()).isTrue();
        board.failed(0); // a late bad copy cannot undo a verified piece
        assertThat(board.isVerified(0)).isTrue();
    }

    @Test
    void onlyTheFirstGoodCopyIsWrittenAndACommitIsNeverUndone() {
        PieceBoard board = board(1, new BitSet());
        board.claim(bits(0), new BitSet(), false);
        board.claim(bits(0), new BitSet(), false);
        assertThat(board.markWritten(0)).isTrue();
        assertThat(board.snapshot()).containsExactly(PieceBoard.IN_FLIGHT);
        board.verified(0); // the committer can be faster than the worker that wrote the piece
        assertThat(board.markWritten(0)).isFalse();
        assertThat(board.isVerified(0)).isTrue();
        assertThat(board.allVerified()).isTrue();
    }

    @Test
    void failedAndAbandonedPiecesAreFetchedAgain() {
        PieceBoard board = board(1, new BitSet());
        board.claim(bits(0), new BitSet(), false);
        board.failed(0);
        assertThat(board.snapshot()).containsExactly(PieceBoard.FAILED);
        assertThat(board.claim(bits(0), new BitSet(), false)).isZero();
        board.abandoned(0);
        assertThat(board.snapshot()).containsExactly(PieceBoard.MISSING);
    }

    @Test
    void mirrorsWaitUntilPeersHadTheirChance() {
        MutableClock time = new MutableClock();
        PieceBoard board = new PieceBoard(2, new BitSet(), time, new Random(1));
        assertThat(board.claim(bits(0, 1), new BitSet(), true)).isEqualTo(-1); // wanted just now
        time.advance(Duration.ofMillis(PieceBoard.MIRROR_DELAY_MS - 1));
        assertThat(board.claim(bits(0, 1), new BitSet(), true)).isEqualTo(-1);
        time.advance(Duration.ofMillis(1));
        assertThat(board.claim(bits(0, 1), new BitSet(), true)).isNotNegative();
    }

    @Test
    void aPieceGivenBackIsWantedAgainFromThenOnForMirrors() {
        MutableClock time = new MutableClock();
        PieceBoard board = new PieceBoard(1, new BitSet(), time, new Random(1));
        assertThat(board.claim(bits(0), new BitSet(), false)).isZero();
        time.advance(Duration.ofMillis(PieceBoard.MIRROR_DELAY_MS));
        board.abandoned(0); // the peer went away: peers get a fresh grace period before the mirror
        assertThat(board.claim(bits(0), new BitSet(), true)).isEqualTo(-1);
        time.advance(Duration.ofMillis(PieceBoard.MIRROR_DELAY_MS));
        assertThat(board.claim(bits(0), new BitSet(), true)).isZero();
    }

    @Test
    void tiesGoInFileOrderFromTheDownloadsRandomStart() {
        Random random = new Random(7);
        int start = new Random(7).nextInt(10);
        PieceBoard board = new PieceBoard(10, new BitSet(), clock, random);
        BitSet all = bits(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (int k = 0; k < 10; k++) {
            assertThat(board.claim(all, new BitSet(), false)).isEqualTo((start + k) % 10);
        }
    }

    @Test
    void endgameCopiesGoToTheLeastRequestedPieceInFlightAndTheFirstWrittenCopyWins() {
        PieceBoard board = new PieceBoard(2, new BitSet(), clock, new Random(3));
        BitSet both = bits(0, 1);
        int first = board.claim(both, new BitSet(), false);
        int second = board.claim(both, new BitSet(), false);
        assertThat(first + second).isEqualTo(1);
        int copy = board.claim(both, bits(first), false); // the source already fetching `first` avoids it
        assertThat(copy).isEqualTo(second);
        assertThat(board.claim(both, new BitSet(), false)).isEqualTo(first); // the one with one requester
        assertThat(board.claim(both, new BitSet(), false)).isEqualTo(-1); // two copies of each at most
        assertThat(board.markWritten(second)).isTrue();
        assertThat(board.markWritten(second)).isFalse(); // the endgame copy lost the race
        board.abandoned(first);
        assertThat(board.snapshot()[first]).isEqualTo(PieceBoard.IN_FLIGHT); // its other copy is still coming
    }

    @Test
    void aRunTakesThePiecesAfterTheChosenOneThatTheSourceHasUntilAGap() {
        PieceBoard board = board(64, new BitSet());
        BitSet has = new BitSet();
        has.set(0, 64);
        has.clear(40);
        PieceBoard.Run first = board.claimRun(has, new BitSet(), false, 4);
        int start = first.first();
        // four, unless the search (which starts at a random piece) began just before the gap or the end
        assertThat(first.count()).isEqualTo(Math.min(4, (start < 40 ? 40 : 64) - start));
        for (int i = start; i < start + first.count(); i++) {
            assertThat(board.snapshot()[i]).isEqualTo(PieceBoard.IN_FLIGHT);
        }
        BitSet avoid = new BitSet();
        avoid.set(0, 64);
        avoid.clear(37, 44); // only 37..43 may be taken, and the source lacks 40
        PieceBoard.Run gap = board.claimRun(has, avoid, false, 8);
        assertThat(gap.first()).isBetween(37, 43);
        assertThat(gap.first() + gap.count()).isLessThanOrEqualTo(gap.first() < 40 ? 40 : 44);
    }

    @Test
    void runsShrinkAsTheLastPiecesAreLeftSoOtherWorkersGetSome() {
        PieceBoard board = board(16, new BitSet());
        BitSet has = new BitSet();
        has.set(0, 16);
        PieceBoard.Run run = board.claimRun(has, new BitSet(), false, 8);
        // 16 takeable: an eighth of them, unless the search (which starts at a random piece) began at the last
        assertThat(run.count()).isEqualTo(Math.min(2, 16 - run.first()));
        int claimed = run.count();
        while (claimed < 16) {
            PieceBoard.Run next = board.claimRun(has, new BitSet(), false, 8);
            assertThat(next.count()).isBetween(1, 2);
            claimed += next.count();
        }
        // nothing unclaimed left: endgame copies come one piece at a time
        assertThat(board.claimRun(has, new BitSet(), false, 8).count()).isEqualTo(1);
    }

    private PieceBoard board(int count, BitSet verified) {
        return new PieceBoard(count, verified, clock, new Random(42));
    }

    private static BitSet bits(int... indexes) {
        BitSet set = new BitSet();
        for (int i : indexes) {
            set.set(i);
        }
        return set;
    }
}
