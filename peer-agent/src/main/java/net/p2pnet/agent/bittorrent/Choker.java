package net.p2pnet.agent.bittorrent;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * BEP 3's tit-for-tat choker for one torrent: every 10 s the {@code slots} interested peers with the
 * best rate are unchoked (the rate they send to us while we download, the rate we send to them
 * when we seed), plus one optimistic unchoke that rotates every 30 s so newcomers get a chance.
 * Everyone else is choked. Thread-safe (synchronized: it runs rarely).
 */
final class Choker {

    private final int slots;
    private final Map<ChokeTarget, Long> lastCount = new HashMap<>();
    private ChokeTarget optimistic;

    Choker(int slots) {
        this.slots = slots;
    }

    /**
     * @param seed              whether we have the whole content (rank by what we send)
     * @param rotateOptimistic  whether the optimistic unchoke moves on now
     */
    synchronized void rechoke(List<? extends ChokeTarget> connections, boolean seed, boolean rotateOptimistic) {
        Map<ChokeTarget, Long> rates = new HashMap<>();
        for (ChokeTarget c : connections) {
            long count = seed ? c.uploaded() : c.downloaded();
            rates.put(c, count - lastCount.getOrDefault(c, 0L));
            lastCount.put(c, count);
        }
        lastCount.keySet().retainAll(connections);
        List<ChokeTarget> interested = connections.stream().map(ChokeTarget.class::cast)
                .filter(ChokeTarget::peerInterested).sorted(Comparator.comparingLong((ChokeTarget c) -> rates.get(c)).reversed()).toList();
        Set<ChokeTarget> unchoked = interested.stream().limit(slots).collect(Collectors.toSet());
        List<ChokeTarget> rest = interested.stream().filter(c -> !unchoked.contains(c)).toList();
        if (rotateOptimistic || optimistic == null || !rest.contains(optimistic)) {
            optimistic = rest.isEmpty() ? null : rest.get(ThreadLocalRandom.current().nextInt(rest.size()));
        }
        if (optimistic != null) {
            unchoked.add(optimistic);
        }
        for (ChokeTarget c : connections) {
            c.setChoking(!unchoked.contains(c));
        }
    }

    /** A peer became interested: unchoke it now if a slot (or the optimistic place) is free, not 10 s later. */
    synchronized void interested(ChokeTarget connection, List<? extends ChokeTarget> connections) {
        long unchoked = connections.stream().filter(c -> c != connection && c.isOpen() && !c.amChoking()).count();
        if (unchoked < slots + 1) {
            connection.setChoking(false);
        }
    }

    synchronized void forget(ChokeTarget connection) {
        lastCount.remove(connection);
        if (optimistic == connection) {
            optimistic = null;
        }
    }
}
