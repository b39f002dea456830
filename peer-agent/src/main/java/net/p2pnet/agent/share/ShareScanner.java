package net.p2pnet.agent.share;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.p2pnet.agent.config.AgentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares the shared roots with the library: new files and files whose size or mtime changed
 * are (re)hashed, vanished files are withdrawn. A periodic scan rather than a {@code WatchService}:
 * inotify watches are per directory (not recursive), get lost on overflow and on some file
 * systems (NFS) never fire, while a scan of size + mtime is cheap and always right.
 */
@Component
class ShareScanner {

    private static final Logger log = LoggerFactory.getLogger(ShareScanner.class);

    private final ShareRoots roots;
    private final ShareLibrary library;
    private final ShareHasher hasher;
    private final SharePublisher publisher;
    private final Path downloadDir;
    private final Path dataDir;
    private final PrivateFiles privateFiles;

    ShareScanner(ShareRoots roots, ShareLibrary library, ShareHasher hasher, SharePublisher publisher,
            AgentProperties agent, ShareProperties share, @Value("${p2pnet.data-dir:./data/peer-agent}") Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.privateFiles = new PrivateFiles(share.neverShared());
        this.roots = roots;
        this.library = library;
        this.hasher = hasher;
        this.publisher = publisher;
        this.downloadDir = agent.downloadDir().toAbsolutePath().normalize();
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstScan() {
        scanAll();
    }

    @Scheduled(initialDelayString = "${p2pnet.agent.share.rescan-interval:10s}",
            fixedDelayString = "${p2pnet.agent.share.rescan-interval:10s}")
    synchronized void scanAll() {
        Set<Path> seen = new HashSet<>();
        for (Path root : roots.all()) {
            seen.addAll(scan(root));
        }
        for (Path path : library.paths()) {
            if (!seen.contains(path)) {
                library.remove(path).ifPresent(publisher::withdraw);
                log.info("no longer sharing {}", path);
            }
        }
    }

    /** Scans one root now; returns the files found under it. */
    synchronized List<Path> scan(Path root) {
        if (!Files.exists(root)) {
            log.warn("shared path {} does not exist (skipped)", root);
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return privateFiles.skipsDirectory(dir, root) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (shareable(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable file or directory is not shared; the rest is
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot scan shared path {}: {}", root, e.getMessage());
            return List.of();
        }
        files.forEach(this::check);
        return files;
    }

    private boolean shareable(Path path) {
        // keys and credentials (PrivateFiles) never; the download directory is published by the
        // download engine itself; the agent's own files at the top of its data directory (its
        // database and identity key: keys, tickets, settings) are never shared, even under a shared
        // directory. Subdirectories of the data directory may be shared on purpose (./p2pnet up does).
        Path absolute = path.toAbsolutePath().normalize();
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && !privateFiles.isPrivate(path)
                && !absolute.startsWith(downloadDir) && !dataDir.equals(absolute.getParent());
    }

    private void check(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return; // vanished between listing and reading: the next scan withdraws it
        }
        long size = attributes.size();
        long mtime = attributes.lastModifiedTime().toMillis();
        if (size == 0) {
            return; // nothing to download, and BitTorrent has no piece to describe it
        }
        boolean known = library.entry(path).filter(e -> e.isFile(size, mtime)).isPresent();
        if (!known) {
            library.entry(path).ifPresent(previous -> publisher.withdraw(previous));
            ShareEntry entry = ShareEntry.hashing(path, size, mtime);
            library.put(entry);
            hasher.submit(entry);
        }
    }
}
