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

    private static BitSet bits(int... indexes) {
        BitSet set = new BitSet();
        for (int i : indexes) {
            set.set(i);
        }
        return set;
    }
}
