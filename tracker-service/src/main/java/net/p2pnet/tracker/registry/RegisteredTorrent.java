package net.p2pnet.tracker.registry;

import java.time.Instant;
import java.util.List;
import net.p2pnet.tracker.swarm.Key20;

/** A torrent known to the registry, as kept in memory for the hot path and search. */
public record RegisteredTorrent(Key20 infoHash, String name, long size, List<RegisteredFile> files,
                                Instant registeredAt, Origin origin) {

    /** How it was registered: through the API, or as a file in the allowed directory. */
    public enum Origin { API, ALLOWED_DIR }

    public RegisteredTorrent {
        files = List.copyOf(files);
    }
}
