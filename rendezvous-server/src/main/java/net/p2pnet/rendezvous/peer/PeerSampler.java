package net.p2pnet.rendezvous.peer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Live peer ids in an array with swap-removal, so a random neighbour sample costs O(limit) instead
 * of a scan of the whole directory (registrations ask for neighbours, and a server holds 100,000+
 * peers). No library collection offers O(1) add, remove and uniform random pick together.
 */
final class PeerSampler {

    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();

    synchronized void add(String id) {
        if (positions.putIfAbsent(id, ids.size()) == null) {
            ids.add(id);
        }
    }

    synchronized void remove(String id) {
        Integer position = positions.remove(id);
        if (position == null) {
            return;
        }
        String last = ids.removeLast();
        if (position < ids.size()) {
            ids.set(position, last);
            positions.put(last, position);
        }
    }

    /** Up to {@code count} distinct random ids (fewer when there are fewer). */
    synchronized List<String> sample(int count) {
        int n = ids.size();
        List<String> picked = new ArrayList<>(Math.min(count, n));
        if (count >= n) {
            picked.addAll(ids);
            return picked;
        }
        // Partial Fisher-Yates on a view of indexes: draw without replacement.
        Map<Integer, Integer> swapped = new HashMap<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int atJ = swapped.getOrDefault(j, j);
            swapped.put(j, swapped.getOrDefault(i, i));
            picked.add(ids.get(atJ));
        }
        return picked;
    }

    synchronized int size() {
        return ids.size();
    }
}
