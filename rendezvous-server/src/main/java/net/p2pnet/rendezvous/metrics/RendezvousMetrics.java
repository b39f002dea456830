package net.p2pnet.rendezvous.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import net.p2pnet.rendezvous.federation.ServerRegistry;
import net.p2pnet.rendezvous.federation.ServerState;
import net.p2pnet.rendezvous.peer.PeerDirectory;
import net.p2pnet.rendezvous.room.RoomDirectory;
import org.springframework.stereotype.Component;

/**
 * Directory and federation gauges: {@code p2pnet_rendezvous_peers{home}} (live peers by home
 * server), {@code p2pnet_rendezvous_rooms}, {@code p2pnet_federation_servers{state}}. Peers by home
 * need a scan of the directory, so they are recomputed by {@link #refresh()} on the maintenance
 * timer, not on every scrape.
 */
@Component
public class RendezvousMetrics {

    private final PeerDirectory peers;
    private final MultiGauge peersByHome;

    public RendezvousMetrics(MeterRegistry registry, PeerDirectory peers, RoomDirectory rooms,
            ServerRegistry servers) {
        this.peers = peers;
        this.peersByHome = MultiGauge.builder("p2pnet.rendezvous.peers")
                .description("Live peers in the federated directory, by home server").register(registry);
        Gauge.builder("p2pnet.rendezvous.rooms", rooms, r -> r.list().size())
                .description("Live rooms in the federated directory").register(registry);
        for (ServerState state : ServerState.values()) {
            Gauge.builder("p2pnet.federation.servers", servers, s -> s.count(state))
                    .description("Other rendezvous servers known, by state").tag("state", state.name().toLowerCase())
                    .register(registry);
        }
    }

    public void refresh() {
        peersByHome.register(peers.liveByHome().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("home", e.getKey()), e.getValue())).toList(), true);
    }
}
