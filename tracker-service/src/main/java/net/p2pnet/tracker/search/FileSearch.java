package net.p2pnet.tracker.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.p2pnet.model.api.Ed2kLocation;
import net.p2pnet.model.api.FileHit;
import net.p2pnet.tracker.registry.RegisteredFile;
import net.p2pnet.tracker.registry.RegisteredTorrent;
import net.p2pnet.tracker.registry.TorrentCatalog;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import net.p2pnet.tracker.swarm.SwarmStats;
import org.springframework.stereotype.Service;

/**
 * The eDonkey-server role: find registered files by name words and size, and locate a file by its
 * ed2k hash. A scan of the in-memory catalog: registries hold thousands of torrents, not millions,
 * and a scan needs no index to keep in step with registrations.
 */
@Service
public class FileSearch {

    public static final int MAX_RESULTS = 1000;

    private final TorrentCatalog catalog;
    private final SwarmRegistry swarms;

    public FileSearch(TorrentCatalog catalog, SwarmRegistry swarms) {
        this.catalog = catalog;
        this.swarms = swarms;
    }

    /** Files whose torrent name + path contain every word (case-insensitive), within the size range. */
    public List<FileHit> search(String query, long minSize, long maxSize, int limit) {
        List<String> words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toList();
        List<FileHit> hits = new ArrayList<>();
        for (RegisteredTorrent torrent : catalog.all()) {
            SwarmStats stats = null;
            for (RegisteredFile file : torrent.files()) {
                if (file.size() < minSize || file.size() > maxSize || !matches(torrent, file, words)) {
                    continue;
                }
                stats = stats != null ? stats : swarms.stats(torrent.infoHash());
                hits.add(new FileHit(torrent.infoHash().hex(), torrent.name(), file.path(), file.size(), file.ed2k(),
                        stats.seeders(), stats.leechers(), stats.downloaded()));
            }
        }
        // Best-served first, like eDonkey servers sort by availability.
        hits.sort((a, b) -> Integer.compare(b.seeders() + b.leechers(), a.seeders() + a.leechers()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    private static boolean matches(RegisteredTorrent torrent, RegisteredFile file, List<String> words) {
        String haystack = (torrent.name() + "/" + file.path()).toLowerCase(Locale.ROOT);
        return words.stream().allMatch(haystack::contains);
    }

    /** Every registered torrent containing the file, with its live peers; empty when none does. */
    public Optional<Ed2kLocation> locate(String ed2k) {
        List<Ed2kLocation.Match> matches = new ArrayList<>();
        for (RegisteredTorrent torrent : catalog.all()) {
            for (RegisteredFile file : torrent.files()) {
                if (ed2k.equals(file.ed2k())) {
                    matches.add(new Ed2kLocation.Match(torrent.infoHash().hex(), torrent.name(), file.path(),
                            file.size(), swarms.sources(torrent.infoHash())));
                }
            }
        }
        return matches.isEmpty() ? Optional.empty() : Optional.of(new Ed2kLocation(ed2k, matches));
    }
}
