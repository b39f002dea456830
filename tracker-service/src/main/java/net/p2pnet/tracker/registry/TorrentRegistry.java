package net.p2pnet.tracker.registry;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.p2pnet.tracker.swarm.Key20;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers and unregisters torrents: the database rows, then the in-memory {@link TorrentCatalog}
 * the announce path reads. Loads the catalog and the persisted completed counters at start.
 */
@Service
public class TorrentRegistry {

    private static final Logger log = LoggerFactory.getLogger(TorrentRegistry.class);

    private final TorrentRepository torrents;
    private final TorrentCatalog catalog;
    private final SwarmRegistry swarms;
    private final Clock clock;

    public TorrentRegistry(TorrentRepository torrents, SwarmStatsRepository stats, TorrentCatalog catalog,
                           SwarmRegistry swarms, Clock clock) {
        this.torrents = torrents;
        this.catalog = catalog;
        this.swarms = swarms;
        this.clock = clock;
        torrents.findAll().forEach(row -> catalog.put(row.toRegistered()));
        stats.findAll().forEach(row -> swarms.restoreDownloaded(Key20.ofHex(row.infoHash()), row.completed()));
        log.info("torrent registry: {} torrents registered", catalog.all().size());
    }

    /**
     * @param ed2k optional ed2k hash of a single-file torrent's file (see {@link TorrentReader})
     * @throws net.p2pnet.model.torrent.InvalidTorrentException when the torrent cannot be used
     * @throws AlreadyRegisteredException when its info-hash is registered already
     */
    @Transactional
    public RegisteredTorrent register(byte[] torrentBytes, String ed2k, RegisteredTorrent.Origin origin,
                                      Path sourcePath) {
        TorrentReader.Read read = TorrentReader.read(torrentBytes, ed2k, origin, clock.instant());
        RegisteredTorrent torrent = read.torrent();
        if (torrents.existsById(torrent.infoHash().hex())) {
            throw new AlreadyRegisteredException(torrent.infoHash());
        }
        torrents.save(new TorrentEntity(torrent, sourcePath == null ? null : sourcePath.toString(), read.bytes()));
        catalog.put(torrent);
        log.info("registered torrent {} '{}' ({} files) via {}", torrent.infoHash(), torrent.name(),
                torrent.files().size(), origin);
        return torrent;
    }

    /** Returns false when it was not registered. In private mode its swarm goes too. */
    @Transactional
    public boolean unregister(Key20 infoHash, boolean dropSwarm) {
        if (!torrents.existsById(infoHash.hex())) {
            return false;
        }
        torrents.deleteById(infoHash.hex());
        catalog.remove(infoHash);
        if (dropSwarm) {
            swarms.remove(infoHash);
        }
        log.info("unregistered torrent {}", infoHash);
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> metainfo(Key20 infoHash) {
        return torrents.findById(infoHash.hex()).map(TorrentEntity::metainfo);
    }

    /** The torrents the allowed-directory watch registered, by the file they came from. */
    @Transactional(readOnly = true)
    public Map<Path, Key20> allowedDirTorrents() {
        return torrents.findByOrigin(RegisteredTorrent.Origin.ALLOWED_DIR).stream()
                .filter(row -> row.sourcePath() != null)
                .collect(java.util.stream.Collectors.toMap(row -> Path.of(row.sourcePath()),
                        row -> row.toRegistered().infoHash(), (a, b) -> a));
    }

    public List<RegisteredTorrent> all() {
        return List.copyOf(catalog.all());
    }

    public Optional<RegisteredTorrent> get(Key20 infoHash) {
        return catalog.get(infoHash);
    }
}
