package net.p2pnet.rendezvous.peer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.directory.Directory;
import net.p2pnet.rendezvous.directory.OwnChanges;
import org.springframework.stereotype.Component;

/** The federated peer directory: every live peer of the network, wherever it registered. */
@Component
public class PeerDirectory {

    private final Directory<PeerRecord> directory;
    private final OwnChanges<PeerRecord> ownChanges;
    private final PeerSampler sampler = new PeerSampler();
    private final Clock clock;

    public PeerDirectory(RendezvousProperties properties, SelfAddress self, Clock clock) {
        this.directory = new Directory<>(properties.peerTtl());
        // A quarter TTL: remote copies and stored rows of a live peer are never near expiry.
        this.ownChanges = new OwnChanges<>(directory, self::id, properties.peerTtl().dividedBy(4));
        this.clock = clock;
        directory.onChange(peer -> {
            if (peer.removed()) {
                sampler.remove(peer.peerId());
            } else {
                sampler.add(peer.peerId());
            }
        });
        directory.onExpire(peer -> sampler.remove(peer.peerId()));
    }

    public Directory<PeerRecord> entries() {
        return directory;
    }

    /** Significant changes of the peers registered here (for push and write-behind). */
    public OwnChanges<PeerRecord> ownChanges() {
        return ownChanges;
    }

    public Optional<PeerRecord> find(String peerId) {
        return directory.live(peerId, clock.instant());
    }

    /**
     * A random sample of live peers other than {@code excluded}, spread over home servers: twice
     * the wanted number is drawn at random, then taken round-robin by home server, so a server
     * with many peers does not crowd out the others.
     */
    public List<PeerRecord> neighbours(String excluded, int limit) {
        Instant now = clock.instant();
        Map<String, List<PeerRecord>> byHome = new LinkedHashMap<>();
        for (String id : sampler.sample(2 * limit + 1)) {
            if (id.equals(excluded)) {
                continue;
            }
            directory.live(id, now).ifPresent(p -> byHome.computeIfAbsent(p.homeServer(), h -> new ArrayList<>()).add(p));
        }
        List<PeerRecord> picked = new ArrayList<>(limit);
        for (int round = 0; picked.size() < limit; round++) {
            boolean any = false;
            for (List<PeerRecord> peers : byHome.values()) {
                if (round < peers.size() && picked.size() < limit) {
                    picked.add(peers.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return picked;
    }

    /** Live peers per home server (for the metric). */
    public Map<String, Long> liveByHome() {
        Map<String, Long> counts = new TreeMap<>();
        for (PeerRecord peer : directory.live(clock.instant())) {
            counts.merge(peer.homeServer(), 1L, Long::sum);
        }
        return counts;
    }

    /** Drops peers that missed their heartbeats (and old tombstones) on this server. */
    public List<PeerRecord> expire() {
        return directory.expire(clock.instant());
    }
}
