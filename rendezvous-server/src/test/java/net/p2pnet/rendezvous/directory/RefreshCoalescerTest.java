package net.p2pnet.rendezvous.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.p2pnet.rendezvous.peer.PeerRecord;
import org.junit.jupiter.api.Test;

class RefreshCoalescerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private final RefreshCoalescer<PeerRecord> coalescer = new RefreshCoalescer<>(Duration.ofSeconds(45));

    @Test
    void contentChangesPropagateAtOnceAndRefreshesOnlyOnceTheSlackHasPassed() {
        assertThat(coalescer.mustPropagate(peer("10.0.0.1", 0, 1, false))).isTrue();
        assertThat(coalescer.mustPropagate(peer("10.0.0.1", 30, 2, false))).isFalse(); // heartbeat
        assertThat(coalescer.mustPropagate(peer("10.0.0.2", 31, 3, false))).isTrue(); // new address
        assertThat(coalescer.mustPropagate(peer("10.0.0.2", 60, 4, false))).isFalse();
        assertThat(coalescer.mustPropagate(peer("10.0.0.2", 76, 5, false))).isTrue(); // 45 s after the last push
        assertThat(coalescer.last("p1").version()).isEqualTo(5);
        assertThat(coalescer.mustPropagate(peer("10.0.0.2", 77, 6, true))).isTrue(); // leaving
        coalescer.forget("p1");
        assertThat(coalescer.isTracked("p1")).isFalse();
    }

    private static PeerRecord peer(String address, int second, long version, boolean removed) {
        return new PeerRecord("p1", "n", address, 6881, "a:1", T0.plusSeconds(second), version, removed);
    }
}
