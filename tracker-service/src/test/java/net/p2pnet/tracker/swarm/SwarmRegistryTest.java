package net.p2pnet.tracker.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SwarmRegistryTest {

    private static final long INTERVAL = 60_000;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private static Key20 key(int n) {
        return Key20.of(ByteBuffer.allocate(20).putInt(n).putInt(~n).putInt(n * 31).array());
    }

    private static PeerAnnounce announce(Key20 hash, int peer, long left, Event event) {
        return new PeerAnnounce(hash, key(peer), LOOPBACK, 6881 + peer % 1000, left, event, 50, 0);
    }

    @Test
    void peersExpireAfterMissingTwoIntervalsButNotBefore() {
        SwarmRegistry swarms = new SwarmRegistry(10, 10);
        Key20 hash = key(1);
        swarms.announce(announce(hash, 1, 0, Event.STARTED), 0);
        swarms.announce(announce(hash, 2, 5, Event.STARTED), INTERVAL);

        assertThat(swarms.expire(2 * INTERVAL - 2 * INTERVAL)).isZero();
        // at t = 2 intervals + 1 ms, peer 1 (last seen at 0) has missed two intervals; peer 2 has not
        assertThat(swarms.expire(2 * INTERVAL + 1 - 2 * INTERVAL)).isEqualTo(1);
        assertThat(swarms.stats(hash)).isEqualTo(new SwarmStats(0, 1, 0));
        assertThat(swarms.expire(3 * INTERVAL + 1 - 2 * INTERVAL)).isEqualTo(1);
        assertThat(swarms.swarmCount()).as("empty swarm without downloads is dropped").isZero();
    }

    @Test
    void swarmsWithCompletedDownloadsSurviveTheirPeers() {
        SwarmRegistry swarms = new SwarmRegistry(10, 10);
        Key20 hash = key(2);
        swarms.announce(announce(hash, 1, 0, Event.COMPLETED), 0);
        swarms.expire(1);
        assertThat(swarms.stats(hash)).isEqualTo(new SwarmStats(0, 0, 1));
    }

    @Test
    void seederAndLeecherCountsFollowLeft() {
        SwarmRegistry swarms = new SwarmRegistry(10, 10);
        Key20 hash = key(3);
        swarms.announce(announce(hash, 1, 100, Event.STARTED), 0);
        assertThat(swarms.stats(hash)).isEqualTo(new SwarmStats(0, 1, 0));
        swarms.announce(announce(hash, 1, 0, Event.NONE), 1);
        assertThat(swarms.stats(hash)).isEqualTo(new SwarmStats(1, 0, 0));
        swarms.announce(announce(hash, 1, 0, Event.STOPPED), 2);
        assertThat(swarms.stats(hash)).isEqualTo(new SwarmStats(0, 0, 0));
    }

    @Test
    void swarmAndPeerLimitsRefuseInsteadOfGrowing() {
        SwarmRegistry swarms = new SwarmRegistry(2, 3);
        swarms.announce(announce(key(10), 1, 1, Event.STARTED), 0);
        swarms.announce(announce(key(11), 1, 1, Event.STARTED), 0);
        assertThatThrownBy(() -> swarms.announce(announce(key(12), 1, 1, Event.STARTED), 0))
                .isInstanceOf(TrackerRefusal.class).hasMessageContaining("tracker is full (2 swarms)");
        swarms.announce(announce(key(10), 2, 1, Event.STARTED), 0);
        swarms.announce(announce(key(10), 3, 1, Event.STARTED), 0);
        assertThatThrownBy(() -> swarms.announce(announce(key(10), 4, 1, Event.STARTED), 0))
                .isInstanceOf(TrackerRefusal.class).hasMessageContaining("swarm is full (3 peers)");
        assertThat(swarms.swarmCount()).isEqualTo(2);
        assertThat(swarms.stats(key(10)).leechers()).isEqualTo(3);
    }

    @Test
    void theTotalPeerCapHoldsAcrossSwarmsAndFreesAsPeersLeave() {
        SwarmRegistry swarms = new SwarmRegistry(100, 3, 5, null);
        for (int peer = 1; peer <= 3; peer++) {
            swarms.announce(announce(key(30), peer, 1, Event.STARTED), 0);
        }
        swarms.announce(announce(key(31), 1, 1, Event.STARTED), 0);
        swarms.announce(announce(key(31), 2, 1, Event.STARTED), 0);
        assertThatThrownBy(() -> swarms.announce(announce(key(32), 1, 1, Event.STARTED), 0))
                .isInstanceOf(TrackerRefusal.class).hasMessage("tracker is full (5 peers): try again later");
        assertThat(swarms.peerCount()).isEqualTo(5);

        swarms.announce(announce(key(30), 1, 1, Event.STOPPED), 1);
        swarms.announce(announce(key(32), 1, 1, Event.STARTED), 1);
        swarms.remove(key(31));
        assertThat(swarms.peerCount()).isEqualTo(3);
        assertThat(swarms.expire(1)).isEqualTo(2);
        assertThat(swarms.peerCount()).isEqualTo(1);
    }

    @Test
    void theNewSwarmQuotaCountsTheSourceAddressNotTheAnnouncedOne() {
        SwarmRegistry swarms = new SwarmRegistry(100, 10, 1000, new net.p2pnet.tracker.quota.AddressQuota(2, 60_000));
        byte[] source = {10, 0, 0, 1};
        swarms.announce(announce(key(40), 1, 1, Event.STARTED), source, 0);
        swarms.announce(announce(key(41), 1, 1, Event.STARTED), source, 0);
        assertThatThrownBy(() -> swarms.announce(announce(key(42), 1, 1, Event.STARTED), source, 0))
                .isInstanceOf(TrackerRefusal.class).hasMessageStartingWith("too many new torrents from your address");
        swarms.announce(announce(key(40), 2, 1, Event.STARTED), source, 0); // joining an existing swarm is fine
        swarms.announce(announce(key(42), 1, 1, Event.STARTED), new byte[] {10, 0, 0, 2}, 0);
        swarms.announce(announce(key(43), 1, 1, Event.STARTED), source, 60_000); // the next window
        assertThat(swarms.swarmCount()).isEqualTo(4);
    }

    @Test
    void stoppedForAnUnknownSwarmCreatesNothing() {
        SwarmRegistry swarms = new SwarmRegistry(10, 10);
        AnnounceOutcome outcome = swarms.announce(announce(key(20), 1, 0, Event.STOPPED), 0);
        assertThat(outcome.peers()).isEmpty();
        assertThat(swarms.swarmCount()).isZero();
    }

    @Test
    void tenThousandSwarmsOfTwentyPeersStayCountedAndSelectionsStayDistinct() {
        SwarmRegistry swarms = new SwarmRegistry(10_000, 20);
        for (int s = 0; s < 10_000; s++) {
            for (int p = 0; p < 20; p++) {
                swarms.announce(announce(key(s), p, p % 2, Event.STARTED), 0);
            }
        }
        assertThat(swarms.swarmCount()).isEqualTo(10_000);
        long peers = swarms.snapshot().stream().mapToLong(x -> x.stats().seeders() + x.stats().leechers()).sum();
        assertThat(peers).isEqualTo(200_000);
        assertThatThrownBy(() -> swarms.announce(announce(key(10_000), 1, 1, Event.STARTED), 0))
                .isInstanceOf(TrackerRefusal.class);
        AnnounceOutcome outcome = swarms.announce(announce(key(7), 1, 1, Event.NONE), 0);
        assertThat(outcome.peers()).hasSize(19).doesNotHaveDuplicates()
                .noneMatch(p -> p.peerId().equals(key(1)));
        assertThat(swarms.expire(1)).isEqualTo(200_000);
        assertThat(swarms.swarmCount()).isZero();
    }

    @Test
    void completedCountsAreHandedOutForPersistenceOnlyWhenChanged() {
        SwarmRegistry swarms = new SwarmRegistry(10, 10);
        swarms.restoreDownloaded(key(30), 5);
        assertThat(swarms.takeUnpersistedDownloaded()).isEmpty();
        swarms.announce(announce(key(30), 1, 0, Event.COMPLETED), 0);
        assertThat(swarms.takeUnpersistedDownloaded()).containsEntry(key(30), 6L).hasSize(1);
        assertThat(swarms.takeUnpersistedDownloaded()).isEmpty();
    }

    @Test
    void key20RoundTripsAndOrdersLikeUnsignedBytes() {
        byte[] bytes = new byte[20];
        for (int i = 0; i < 20; i++) {
            bytes[i] = (byte) (0xF0 - i);
        }
        Key20 k = Key20.of(bytes);
        assertThat(k.toBytes()).isEqualTo(bytes);
        assertThat(Key20.ofHex(k.hex())).isEqualTo(k);
        assertThat(Key20.of(new byte[20]).compareTo(k)).isNegative();
    }
}
