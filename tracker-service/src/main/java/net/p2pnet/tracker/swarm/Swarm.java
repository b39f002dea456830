package net.p2pnet.tracker.swarm;

import java.util.ArrayList;
import net.p2pnet.model.api.PeerSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The peers of one info-hash. Not thread-safe: {@link SwarmRegistry} guards each swarm with its
 * shard's lock. Peers sit in a map (lookup by peer id) and a list (random selection, O(1) removal).
 */
final class Swarm {

    private final PeerCount count;
    private final Map<Key20, Peer> byId = new HashMap<>();
    private final ArrayList<Peer> list = new ArrayList<>();
    private int seeders;
    private long downloaded;
    private long persistedDownloaded;

    Swarm(PeerCount count) {
        this.count = count;
    }

    AnnounceOutcome announce(PeerAnnounce request, long now) {
        Peer peer = byId.get(request.peerId());
        if (request.event() == Event.STOPPED) {
            if (peer != null) {
                requireSameClient(peer, request, "event=stopped for this peer id");
                remove(peer);
            }
            return new AnnounceOutcome(stats(), List.of(), false);
        }
        if (peer == null) {
            peer = add(request);
        } else {
            update(peer, request);
        }
        peer.lastSeenMillis = now;
        boolean newlyCompleted = false;
        if (request.event() == Event.COMPLETED && !peer.completedCounted) {
            // BEP 3 counts a download once per peer, however often a client repeats "completed".
            peer.completedCounted = true;
            downloaded++;
            newlyCompleted = true;
        }
        return new AnnounceOutcome(stats(), select(peer, request.numwant()), newlyCompleted);
    }

    private Peer add(PeerAnnounce request) {
        count.take(list.size());
        Peer peer = new Peer(PeerEndpoint.of(request.peerId(), request.address(), request.port()));
        peer.key = request.key();
        peer.seeder = request.seeder();
        if (peer.seeder) {
            seeders++;
        }
        peer.index = list.size();
        list.add(peer);
        byId.put(request.peerId(), peer);
        return peer;
    }

    private void update(Peer peer, PeerAnnounce request) {
        if (!peer.endpoint.sameAddress(request.address(), request.port())) {
            requireSameClient(peer, request, "peer id already in use from another address");
            peer.endpoint = PeerEndpoint.of(request.peerId(), request.address(), request.port());
        }
        if (peer.key == 0 && request.key() != 0 && peer.endpoint.sameIp(request.address())) {
            peer.key = request.key(); // from then on its key protects it
        }
        if (peer.seeder != request.seeder()) {
            peer.seeder = request.seeder();
            seeders += peer.seeder ? 1 : -1;
        }
    }

    /**
     * Stopping or moving a peer id must come from the client that announced it, or anyone who saw
     * the peer id could remove a peer or point the swarm at their own port. The proof is the BEP 3
     * {@code key} the peer first announced with; a peer that sent none can only be stopped or
     * moved from its own IP address.
     */
    private static void requireSameClient(Peer peer, PeerAnnounce request, String what) {
        if (peer.key != 0 ? peer.key != request.key() : !peer.endpoint.sameIp(request.address())) {
            throw new TrackerRefusal(what + " refused: "
                    + (peer.key != 0 ? "key does not match" : "it announced without a key from another IP address"));
        }
    }

    /** Up to numwant peers other than the asker, from a random starting point (cheap, fair enough). */
    private List<PeerEndpoint> select(Peer asker, int numwant) {
        int size = list.size();
        int wanted = Math.min(numwant, size - 1);
        if (wanted <= 0) {
            return List.of();
        }
        List<PeerEndpoint> out = new ArrayList<>(wanted);
        int start = ThreadLocalRandom.current().nextInt(size);
        for (int i = 0; i < size && out.size() < wanted; i++) {
            Peer candidate = list.get((start + i) % size);
            // Seeders have no use for other seeders.
            if (candidate != asker && !(asker.seeder && candidate.seeder)) {
                out.add(candidate.endpoint);
            }
        }
        return out;
    }

    private void remove(Peer peer) {
        Peer last = list.removeLast();
        if (last != peer) {
            list.set(peer.index, last);
            last.index = peer.index;
        }
        byId.remove(peer.endpoint.peerId());
        count.release(1);
        if (peer.seeder) {
            seeders--;
        }
    }

    /** Drops peers not seen since the cutoff; returns how many. */
    int expire(long cutoffMillis) {
        int removed = 0;
        for (int i = list.size() - 1; i >= 0; i--) {
            Peer peer = list.get(i);
            if (peer.lastSeenMillis < cutoffMillis) {
                remove(peer);
                removed++;
            }
        }
        return removed;
    }

    SwarmStats stats() {
        return new SwarmStats(seeders, list.size() - seeders, downloaded);
    }

    List<PeerSource> sources() {
        List<PeerSource> out = new ArrayList<>(list.size());
        for (Peer peer : list) {
            out.add(new PeerSource(peer.endpoint.ip(), peer.endpoint.port(), peer.seeder));
        }
        return out;
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    long downloaded() {
        return downloaded;
    }

    void restoreDownloaded(long value) {
        downloaded = Math.max(downloaded, value);
        persistedDownloaded = downloaded;
    }

    void markUnpersisted() {
        persistedDownloaded = -1;
    }

    /** The downloaded count if it changed since the last call, else -1. */
    long takeUnpersistedDownloaded() {
        if (downloaded == persistedDownloaded) {
            return -1;
        }
        persistedDownloaded = downloaded;
        return downloaded;
    }
}
