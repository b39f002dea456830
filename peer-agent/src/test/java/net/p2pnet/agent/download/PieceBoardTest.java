package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class PieceBoardTest {

    @Test
    void rarestPieceComesFirst() {
        PieceBoard board = new PieceBoard(4, new BitSet());
        board.addAvailability(bits(0, 1, 2, 3));
        board.addAvailability(bits(0, 1, 3));
        board.addAvailability(bits(0, 3));
        // availability: 0->3, 1->2, 2->1, 3->3
        assertThat(board.claim(bits(0, 1, 2, 3), new BitSet(), false)).isEqualTo(2);
        assertThat(board.claim(bits(0, 1, 2, 3), new BitSet(), false)).isEqualTo(1);
    }

    @Test
    void verifiedAndAvoidedPiecesAreNeverClaimed() {
        PieceBoard board = new PieceBoard(3, bits(0));
        assertThat(board.claim(bits(0, 1, 2), bits(1), false)).isEqualTo(2);
        assertThat(board.claim(bits(0), new BitSet(), false)).isEqualTo(-1);
    }

    @Test
    void endgameDuplicatesAPieceInFlightAtMostOnce() {
        PieceBoard board = new PieceBoard(1, new BitSet());
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
        PieceBoard board = new PieceBoard(1, new BitSet());
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
        PieceBoard board = new PieceBoard(1, new BitSet());
        board.claim(bits(0), new BitSet(), false);
        board.failed(0);
        assertThat(board.snapshot()).containsExactly(PieceBoard.FAILED);
        assertThat(board.claim(bits(0), new BitSet(), false)).isZero();
        board.abandoned(0);
        assertThat(board.snapshot()).containsExactly(PieceBoard.MISSING);
    }

    @Test
    void mirrorsWaitUntilPeersHadTheirChance() {
        PieceBoard board = new PieceBoard(2, new BitSet());
        assertThat(board.claim(bits(0, 1), new BitSet(), true)).isEqualTo(-1); // wanted just now
        assertThat(board.claim(bits(0, 1), new BitSet(), false)).isNotNegative();
    }

    @Test
    void aRunTakesThePiecesAfterTheChosenOneThatTheSourceHasUntilAGap() {
        PieceBoard board = new PieceBoard(64, new BitSet());
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
        PieceBoard board = new PieceBoard(16, new BitSet());
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

    private static BitSet bits(int... indexes) {
        BitSet set = new BitSet();
        for (int i : indexes) {
            set.set(i);
        }
        return set;
    }
}
