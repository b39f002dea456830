package net.p2pnet.tracker.swarm;

import java.util.ArrayList;
import net.p2pnet.model.api.PeerSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import net.p2pnet.tracker.quota.AddressQuota;

/**
 * Every swarm the tracker knows, in memory. Sharded by info-hash (like aquatic's state workers):
 * each shard has its own lock and map, so announces for different torrents rarely contend and no
 * lock is global. Swarm and peer counts are capped so hostile traffic cannot exhaust memory.
 */
public final class SwarmRegistry {

    private static final int SHARD_BITS = 6;
    private static final int SHARDS = 1 << SHARD_BITS;

    private final Shard[] shards = new Shard[SHARDS];
    private final AtomicInteger swarmCount = new AtomicInteger();
    private final int maxSwarms;
    private final PeerCount peers;
    private final AddressQuota newSwarms;

    /** Without a total peer cap beyond what the swarm cap implies, nor a per-address swarm quota (tests). */
    public SwarmRegistry(int maxSwarms, int maxPeersPerSwarm) {
        this(maxSwarms, maxPeersPerSwarm, Integer.MAX_VALUE, null);
    }

    /**
     * @param maxPeers  peers over all swarms together
     * @param newSwarms how many swarms one source address may create per window; null = no quota
     */
    public SwarmRegistry(int maxSwarms, int maxPeersPerSwarm, int maxPeers, AddressQuota newSwarms) {
        this.maxSwarms = maxSwarms;
        this.peers = new PeerCount(maxPeersPerSwarm, maxPeers);
        this.newSwarms = newSwarms;
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard();
        }
    }

    /** {@link #announce(PeerAnnounce, byte[], long)} from the announced address. */
    public AnnounceOutcome announce(PeerAnnounce request, long nowMillis) {
        return announce(request, request.address(), nowMillis);
    }

    /**
     * Records the announce and answers it; throws {@link TrackerRefusal} when a limit is reached.
     *
     * @param source the address the request came from, which the per-address swarm quota counts
     */
    public AnnounceOutcome announce(PeerAnnounce request, byte[] source, long nowMillis) {
        Shard shard = shardOf(request.infoHash());
        shard.lock.lock();
        try {
            Swarm swarm = shard.swarms.get(request.infoHash());
            if (swarm == null) {
                if (request.event() == Event.STOPPED) {
                    return new AnnounceOutcome(SwarmStats.EMPTY, List.of(), false);
                }
                if (newSwarms != null && !newSwarms.tryAcquire(source, nowMillis)) {
                    throw new TrackerRefusal("too many new torrents from your address (at most " + newSwarms.limit()
                            + " per quota window): try again later");
                }
                swarm = createSwarm(shard, request.infoHash());
            }
            return swarm.announce(request, nowMillis);
        } finally {
            shard.lock.unlock();
        }
    }

    private Swarm createSwarm(Shard shard, Key20 infoHash) {
        int count;
        do {
            count = swarmCount.get();
            if (count >= maxSwarms) {
                throw new TrackerRefusal("tracker is full (" + maxSwarms + " swarms): try again later");
            }
        } while (!swarmCount.compareAndSet(count, count + 1));
        Swarm swarm = new Swarm(peers);
        shard.swarms.put(infoHash, swarm);
        return swarm;
    }

    public SwarmStats stats(Key20 infoHash) {
        return read(infoHash, Swarm::stats).orElse(SwarmStats.EMPTY);
    }

    public List<PeerSource> sources(Key20 infoHash) {
        return read(infoHash, Swarm::sources).orElse(List.of());
    }

    private <T> Optional<T> read(Key20 infoHash, Function<Swarm, T> reader) {
        Shard shard = shardOf(infoHash);
        shard.lock.lock();
        try {
            Swarm swarm = shard.swarms.get(infoHash);
            return swarm == null ? Optional.empty() : Optional.of(reader.apply(swarm));
        } finally {
            shard.lock.unlock();
        }
    }

    /** Every swarm's counts (one shard locked at a time, so the view is per-shard consistent). */
    public List<SwarmSnapshot> snapshot() {
        List<SwarmSnapshot> out = new ArrayList<>(swarmCount.get());
        for (Shard shard : shards) {
            shard.lock.lock();
            try {
                shard.swarms.forEach((hash, swarm) -> out.add(new SwarmSnapshot(hash, swarm.stats())));
            } finally {
                shard.lock.unlock();
            }
        }
        return out;
    }

    /**
     * Drops peers not seen since the cutoff, then swarms left with neither peers nor a completed
     * count worth keeping. Returns the number of peers dropped.
     */
    public int expire(long cutoffMillis) {
        int removed = 0;
        for (Shard shard : shards) {
            shard.lock.lock();
            try {
                Iterator<Swarm> it = shard.swarms.values().iterator();
                while (it.hasNext()) {
                    Swarm swarm = it.next();
                    removed += swarm.expire(cutoffMillis);
                    if (swarm.isEmpty() && swarm.downloaded() == 0) {
                        it.remove();
                        swarmCount.decrementAndGet();
                    }
                }
            } finally {
                shard.lock.unlock();
            }
        }
        return removed;
    }

    /** Forgets a swarm entirely (its torrent was unregistered in private mode). */
    public void remove(Key20 infoHash) {
        Shard shard = shardOf(infoHash);
        shard.lock.lock();
        try {
            Swarm swarm = shard.swarms.remove(infoHash);
            if (swarm != null) {
                peers.release(swarm.size());
                swarmCount.decrementAndGet();
            }
        } finally {
            shard.lock.unlock();
        }
    }

    /** Seeds the completed count persisted by an earlier run (kept even when no peer is present). */
    public void restoreDownloaded(Key20 infoHash, long downloaded) {
        Shard shard = shardOf(infoHash);
        shard.lock.lock();
        try {
            Swarm swarm = shard.swarms.get(infoHash);
            if (swarm == null) {
                if (swarmCount.get() >= maxSwarms) {
                    return;
                }
                swarm = createSwarm(shard, infoHash);
            }
            swarm.restoreDownloaded(downloaded);
        } finally {
            shard.lock.unlock();
        }
    }

    /** Completed counts that changed since the previous call, for background persistence. */
    public Map<Key20, Long> takeUnpersistedDownloaded() {
        Map<Key20, Long> out = new HashMap<>();
        for (Shard shard : shards) {
            shard.lock.lock();
            try {
                shard.swarms.forEach((hash, swarm) -> {
                    long value = swarm.takeUnpersistedDownloaded();
                    if (value >= 0) {
                        out.put(hash, value);
                    }
                });
            } finally {
                shard.lock.unlock();
            }
        }
        return out;
    }

    /** Hands this swarm's counter out again at the next {@link #takeUnpersistedDownloaded} (a write failed). */
    public void markUnpersisted(Key20 infoHash) {
        read(infoHash, swarm -> {
            swarm.markUnpersisted();
            return swarm;
        });
    }

    public int swarmCount() {
        return swarmCount.get();
    }

    /** Peers in all swarms together. */
    public int peerCount() {
        return peers.total();
    }

    /**
     * The shard from the info-hash's first six bits. Not from {@link Key20#hashCode()}'s low bits:
     * those pick the bucket inside the shard's HashMap, and keys sharing them would all collide
     * there (measured: tree-bin lookups took a fifth of the announce CPU).
     */
    private Shard shardOf(Key20 infoHash) {
        return shards[(int) (infoHash.high() >>> (Long.SIZE - SHARD_BITS))];
    }

    private static final class Shard {
        final ReentrantLock lock = new ReentrantLock();
        final Map<Key20, Swarm> swarms = new HashMap<>();
    }
}
