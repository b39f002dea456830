package net.p2pnet.tracker.registry;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.p2pnet.tracker.swarm.Key20;

/**
 * The registered torrents in memory. Private-mode announces ask it whether an info-hash is
 * registered, so it must answer without touching the database; the registry keeps it in step
 * with the tables (loaded at start, updated after each commit).
 */
public final class TorrentCatalog {

    private final ConcurrentMap<Key20, RegisteredTorrent> torrents = new ConcurrentHashMap<>();

    public boolean contains(Key20 infoHash) {
        return torrents.containsKey(infoHash);
    }

    public Optional<RegisteredTorrent> get(Key20 infoHash) {
        return Optional.ofNullable(torrents.get(infoHash));
    }

    public Collection<RegisteredTorrent> all() {
        return torrents.values();
    }

    void put(RegisteredTorrent torrent) {
        torrents.put(torrent.infoHash(), torrent);
    }

    void remove(Key20 infoHash) {
        torrents.remove(infoHash);
    }
}
