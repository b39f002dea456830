package net.p2pnet.rendezvous.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.p2pnet.rendezvous.peer.PeerRecord;
import org.junit.jupiter.api.Test;

class DirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private final Directory<PeerRecord> directory = new Directory<>(Duration.ofMinutes(3));
    private final List<PeerRecord> changes = new ArrayList<>();

    DirectoryTest() {
        directory.onChange(changes::add);
    }

    @Test
    void anOlderUpdateNeverOverwritesANewerOneWhateverTheArrivalOrder() {
        PeerRecord v1 = peer("p1", "10.0.0.1", "a:1", 100, false);
        PeerRecord v2 = peer("p1", "10.0.0.2", "a:1", 200, false);
        assertThat(directory.merge(v2)).isTrue();
        assertThat(directory.merge(v1)).isFalse();
        assertThat(directory.merge(v2)).isFalse(); // duplicates change nothing
        assertThat(directory.live("p1", NOW)).hasValue(v2);
        assertThat(changes).containsExactly(v2);
    }

    @Test
    void equalVersionsAreResolvedTheSameWayOnEveryServer() {
        PeerRecord fromA = peer("p1", "10.0.0.1", "a:1", 100, false);
        PeerRecord fromB = peer("p1", "10.0.0.2", "b:1", 100, false);
        Directory<PeerRecord> other = new Directory<>(Duration.ofMinutes(3));
        directory.merge(fromA);
        directory.merge(fromB);
        other.merge(fromB);
        other.merge(fromA);
        assertThat(directory.any("p1")).isEqualTo(other.any("p1")).hasValue(fromB);
    }

    @Test
    void aTombstoneHidesTheEntryAndANewerRegistrationRevivesIt() {
        directory.merge(peer("p1", "10.0.0.1", "a:1", 100, false));
        directory.merge(peer("p1", "10.0.0.1", "a:1", 101, true));
        assertThat(directory.live("p1", NOW)).isEmpty();
        assertThat(directory.any("p1")).isPresent();
        directory.merge(peer("p1", "10.0.0.3", "b:1", 102, false));
        assertThat(directory.live("p1", NOW)).map(PeerRecord::address).hasValue("10.0.0.3");
    }

    @Test
    void entriesExpireATtlAfterTheirLastRefresh() {
        directory.merge(peer("old", "10.0.0.1", "a:1", 1, false, NOW.minus(Duration.ofMinutes(4))));
        directory.merge(peer("new", "10.0.0.1", "a:1", 1, false, NOW.minus(Duration.ofMinutes(2))));
        assertThat(directory.live("old", NOW)).isEmpty();
        assertThat(directory.expire(NOW)).extracting(PeerRecord::peerId).containsExactly("old");
        assertThat(directory.size()).isEqualTo(1);
    }

    @Test
    void pagesWalkTheWholeDirectoryInKeyOrder() {
        for (int i = 0; i < 25; i++) {
            directory.merge(peer(String.format("p%02d", i), "10.0.0.1", "a:1", 1, i % 5 == 0));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        List<PeerRecord> page;
        do {
            page = directory.page(after, 10);
            page.forEach(p -> seen.add(p.peerId()));
            after = page.isEmpty() ? null : page.getLast().peerId();
        } while (page.size() == 10);
        assertThat(seen).hasSize(25).isSorted(); // tombstones travel too
    }

    @Test
    void localVersionsAlwaysMoveForwardEvenWhenTheClockIsBehind() {
        Clock behind = Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC);
        PeerRecord current = peer("p1", "10.0.0.1", "a:1", NOW.toEpochMilli(), false);
        assertThat(Versions.next(behind, current)).isEqualTo(NOW.toEpochMilli() + 1);
        assertThat(Versions.next(Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC), current))
                .isEqualTo(NOW.plusSeconds(1).toEpochMilli());
        assertThat(Versions.next(behind, null)).isEqualTo(NOW.minusSeconds(60).toEpochMilli());
    }

    private static PeerRecord peer(String id, String address, String home, long version, boolean removed) {
        return peer(id, address, home, version, removed, NOW);
    }

    private static PeerRecord peer(String id, String address, String home, long version, boolean removed,
            Instant lastSeen) {
        return new PeerRecord(id, "name", address, 6881, home, lastSeen, version, removed);
    }
}
