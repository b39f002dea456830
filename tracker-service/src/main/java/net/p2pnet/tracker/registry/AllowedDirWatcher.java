package net.p2pnet.tracker.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.p2pnet.model.torrent.InvalidTorrentException;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.tracker.swarm.Key20;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Like {@code bttrack --allowed_dir}: every {@code .torrent} in the directory is registered, and
 * unregistered when its file goes away. It rescans on a timer rather than using a WatchService,
 * because a rescan also catches files copied in slowly, renamed, or changed while the tracker was
 * down, and works on network file systems where watch events do not arrive (bttrack polls too).
 */
public final class AllowedDirWatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AllowedDirWatcher.class);

    private final Path directory;
    private final TorrentRegistry registry;
    private final boolean dropSwarms;
    private final Map<Path, Key20> registered;
    /** Files that failed, with the modification time that failed, so each bad version is logged once. */
    private final Map<Path, FileTime> rejected = new HashMap<>();

    public AllowedDirWatcher(Path directory, TorrentRegistry registry, boolean dropSwarms) {
        this.directory = directory.toAbsolutePath().normalize();
        this.registry = registry;
        this.dropSwarms = dropSwarms;
        this.registered = new HashMap<>(registry.allowedDirTorrents());
    }

    @Override
    public synchronized void run() {
        Set<Path> present = new HashSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(p -> p.getFileName().toString().endsWith(".torrent") && Files.isRegularFile(p))
                    .forEach(p -> {
                        present.add(p);
                        if (!registered.containsKey(p)) {
                            tryRegister(p);
                        }
                    });
        } catch (IOException e) {
            log.warn("cannot list allowed directory {}: {}", directory, e.toString());
            return;
        }
        registered.entrySet().removeIf(entry -> {
            if (present.contains(entry.getKey())) {
                return false;
            }
            registry.unregister(entry.getValue(), dropSwarms);
            return true;
        });
        rejected.keySet().retainAll(present);
    }

    private void tryRegister(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(rejected.get(file))) {
                return;
            }
            if (Files.size(file) > Metainfo.MAX_TORRENT_BYTES) {
                throw new InvalidTorrentException("larger than " + Metainfo.MAX_TORRENT_BYTES + " bytes");
            }
            try {
                RegisteredTorrent torrent = registry.register(Files.readAllBytes(file), null,
                        RegisteredTorrent.Origin.ALLOWED_DIR, file);
                registered.put(file, torrent.infoHash());
            } catch (InvalidTorrentException | AlreadyRegisteredException e) {
                rejected.put(file, modified);
                log.warn("allowed directory: {} not registered: {}", file.getFileName(), e.getMessage());
            }
        } catch (IOException e) {
            log.warn("allowed directory: cannot read {}: {}", file.getFileName(), e.toString());
        }
    }
}
