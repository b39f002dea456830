package net.p2pnet.agent.bittorrent;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.p2pnet.agent.bittorrent.WireMessage.Extended;
import net.p2pnet.model.bencode.BDictionary;

/**
 * BEP 11 ut_pex on one connection: keeps the peers this peer tells us of (at most {@link #MAX_LEARNT},
 * the oldest go first) and tells it ours, as changes since the last message. Never for private
 * torrents (BEP 27). Thread-safe (synchronized: the reader and the once-a-minute timer use it).
 */
final class PeerExchange {

    static final int MAX_LEARNT = 200;

    private final PeerLink peer;
    private final Outbox outbox;
    private final Set<InetSocketAddress> learnt = new LinkedHashSet<>();
    private final Set<InetSocketAddress> sent = new LinkedHashSet<>();

    PeerExchange(PeerLink peer, Outbox outbox) {
        this.peer = peer;
        this.outbox = outbox;
    }

    private boolean privateTorrent() {
        return peer.content().map(ServedTorrent::privateTorrent).orElse(false);
    }

    synchronized List<InetSocketAddress> learnt() {
        return List.copyOf(learnt);
    }

    void onMessage(BDictionary d) {
        if (privateTorrent()) {
            return; // BEP 27: no peer exchange for private torrents
        }
        List<InetSocketAddress> added = d.optionalString("added").map(Extensions::parseCompact).orElse(List.of());
        List<InetSocketAddress> dropped = d.optionalString("dropped").map(Extensions::parseCompact).orElse(List.of());
        synchronized (this) {
            dropped.forEach(learnt::remove);
            for (InetSocketAddress address : added) {
                learnt.add(address);
                if (learnt.size() > MAX_LEARNT) {
                    Iterator<InetSocketAddress> oldest = learnt.iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
        }
    }

    /** Tells the peer which of our peers ({@code current}) are new and which left since the last message. */
    void send(Set<InetSocketAddress> current) {
        int remoteId = peer.extensions().pexId();
        if (!peer.isOpen() || remoteId <= 0 || privateTorrent()) {
            return;
        }
        synchronized (this) {
            List<InetSocketAddress> added = current.stream().filter(a -> !sent.contains(a))
                    .limit(Extensions.PEX_MAX_ADDED).toList();
            List<InetSocketAddress> dropped = sent.stream().filter(a -> !current.contains(a)).toList();
            if (added.isEmpty() && dropped.isEmpty()) {
                return;
            }
            sent.addAll(added);
            dropped.forEach(sent::remove);
            outbox.send(new Extended(remoteId, Extensions.pex(added, dropped)));
        }
    }
}
