package net.p2pnet.tracker.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import net.p2pnet.tracker.announce.AccessPolicy;
import net.p2pnet.tracker.swarm.Event;
import net.p2pnet.tracker.swarm.Key20;
import net.p2pnet.tracker.swarm.PeerAnnounce;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import net.p2pnet.tracker.swarm.TrackerRefusal;
import org.junit.jupiter.api.Test;

class ScrapeServiceTest {

    private final SwarmRegistry swarms = new SwarmRegistry(100, 100);

    private static Key20 key(int n) {
        return new Key20(n, n, n);
    }

    @Test
    void tooManyHashesAreRefusedAndFullScrapeCanBeDisabled() {
        ScrapeService open = new ScrapeService(swarms, new AccessPolicy(false, h -> true, null), false);
        List<Key20> many = IntStream.range(0, ScrapeService.MAX_HASHES + 1).mapToObj(ScrapeServiceTest::key).toList();
        assertThatThrownBy(() -> open.scrape(many, null)).isInstanceOf(TrackerRefusal.class)
                .hasMessage("too many info_hash values: at most 256 per scrape");
        assertThatThrownBy(() -> open.scrape(List.of(), null)).isInstanceOf(TrackerRefusal.class)
                .hasMessageContaining("full scrape is disabled");
        assertThat(open.scrape(many.subList(0, ScrapeService.MAX_HASHES), null)).hasSize(ScrapeService.MAX_HASHES);
    }

    @Test
    void privateTrackersRevealOnlyRegisteredTorrents() {
        swarms.announce(new PeerAnnounce(key(1), key(9), new byte[] {127, 0, 0, 1}, 1, 0, Event.STARTED, 0, 0), 0);
        swarms.announce(new PeerAnnounce(key(2), key(9), new byte[] {127, 0, 0, 1}, 1, 0, Event.STARTED, 0, 0), 0);
        ScrapeService scrapes = new ScrapeService(swarms, new AccessPolicy(true, key(1)::equals, passkey -> "member"), true);
        assertThat(scrapes.scrape(List.of(), "any")).containsOnlyKeys(key(1));
        assertThat(scrapes.scrape(List.of(key(1), key(2)), "any")).containsOnlyKeys(key(1));
    }
}
