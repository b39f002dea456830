package net.p2pnet.tracker.registry;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.torrent.AnnouncePasskeys;
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

    /** A registration with nobody's name on it: allowed directory, operator. */
    @Transactional
    public RegisteredTorrent register(byte[] torrentBytes, String ed2k, RegisteredTorrent.Origin origin,
                                      Path sourcePath) {
        return register(torrentBytes, ed2k, origin, sourcePath, null);
    }

    /**
     * Keeps the torrent with passkeys removed from its tracker URLs: it is handed to anyone who asks.
     *
     * @param ed2k         optional ed2k hash of a single-file torrent's file (see {@link TorrentReader})
     * @param registeredBy the registering member's peer id (the only member who may delete it), or null
     * @throws net.p2pnet.model.torrent.InvalidTorrentException when the torrent cannot be used
     * @throws AlreadyRegisteredException when its info-hash is registered already
     */
    @Transactional
    public RegisteredTorrent register(byte[] torrentBytes, String ed2k, RegisteredTorrent.Origin origin,
                                      Path sourcePath, String registeredBy) {
        TorrentReader.Read read = TorrentReader.read(torrentBytes, ed2k, origin, clock.instant());
        RegisteredTorrent torrent = read.torrent();
        if (torrents.existsById(torrent.infoHash().hex())) {
            throw new AlreadyRegisteredException(torrent.infoHash());
        }
        torrents.save(new TorrentEntity(torrent, sourcePath == null ? null : sourcePath.toString(),
                AnnouncePasskeys.strip(read.bytes()), registeredBy));
        catalog.put(torrent);
        log.info("registered torrent {} '{}' ({} files) via {}", torrent.infoHash(), torrent.name(),
                torrent.files().size(), origin);
        return torrent;
    }

    /**
     * Unregisters on behalf of a caller: the operator, or the member who registered the torrent.
     *
     * @param member the caller's peer id, or null without a passkey
     * @throws NotRegisteredException when it is not registered
     * @throws RequestRefused (403) when the caller is neither
     */
    @Transactional
    public void unregister(Key20 infoHash, String member, boolean operator, boolean dropSwarm) {
        TorrentEntity row = torrents.findById(infoHash.hex()).orElseThrow(() -> new NotRegisteredException(infoHash));
        if (!operator && (member == null || !member.equals(row.registeredBy()))) {
            throw RequestRefused.forbidden("only the member who registered torrent " + infoHash.hex()
                    + " or the tracker's operator may delete it");
        }
        unregister(infoHash, dropSwarm);
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

    /** The .torrent as registered, without passkeys (rows kept before they were removed at registration too). */
    @Transactional(readOnly = true)
    public Optional<byte[]> metainfo(Key20 infoHash) {
        return torrents.findById(infoHash.hex()).map(TorrentEntity::metainfo).map(AnnouncePasskeys::strip);
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
