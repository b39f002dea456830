package net.p2pnet.agent.bittorrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The choking policy on its own: best rates get the slots, one optimistic unchoke on top, the rest choked. */
class ChokerTest {

    /** A connection as the choker sees it; the counters are what the peer sent / we sent so far. */
    static final class Peer implements ChokeTarget {
        boolean interested = true;
        boolean choked = true;
        long down;
        long up;

        Peer(long down, long up) {
            this.down = down;
            this.up = up;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public boolean peerInterested() {
            return interested;
        }

        @Override
        public boolean amChoking() {
            return choked;
        }

        @Override
        public long downloaded() {
            return down;
        }

        @Override
        public long uploaded() {
            return up;
        }

        @Override
        public void setChoking(boolean choke) {
            choked = choke;
        }
    }

    @Test
    void whileDownloadingTheFastestSendersAndOneOptimisticPeerAreUnchoked() {
        List<Peer> peers = IntStream.range(0, 6).mapToObj(i -> new Peer(i * 1000L, 0)).toList();
        Choker choker = new Choker(2);
        choker.rechoke(peers, false, true);
        assertThat(peers.get(5).choked).isFalse();
        assertThat(peers.get(4).choked).isFalse();
        assertThat(peers.stream().filter(p -> !p.choked).count()).isEqualTo(3); // two slots + one optimistic
    }

    @Test
    void aSeedRanksByWhatItSendsAndRatesAreMeasuredBetweenRounds() {
        Peer a = new Peer(0, 0);
        Peer b = new Peer(0, 0);
        Peer c = new Peer(0, 0);
        Choker choker = new Choker(1);
        choker.rechoke(List.of(a, b, c), true, true);
        a.up = 100; // since the last round: a 100, b 5000, c 0
        b.up = 5000;
        choker.rechoke(List.of(a, b, c), true, false);
        assertThat(b.choked).isFalse();
        a.up = 100_000; // now a leads
        choker.rechoke(List.of(a, b, c), true, false);
        assertThat(a.choked).isFalse();
    }

    @Test
    void peersThatAreNotInterestedAreChoked() {
        Peer bored = new Peer(10_000, 0);
        bored.interested = false;
        bored.choked = false;
        Peer keen = new Peer(0, 0);
        new Choker(4).rechoke(List.of(bored, keen), false, true);
        assertThat(bored.choked).isTrue();
        assertThat(keen.choked).isFalse();
    }

    @Test
    void anInterestedPeerIsUnchokedAtOnceOnlyWhileAPlaceIsFree() {
        Choker choker = new Choker(1);
        Peer first = new Peer(0, 0);
        Peer second = new Peer(0, 0);
        Peer third = new Peer(0, 0);
        List<Peer> all = List.of(first, second, third);
        choker.interested(first, all);
        choker.interested(second, all); // the optimistic place
        choker.interested(third, all);
        assertThat(first.choked).isFalse();
        assertThat(second.choked).isFalse();
        assertThat(third.choked).isTrue();
    }
}
