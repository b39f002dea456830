package net.p2pnet.agent.share;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.p2pnet.model.hash.ContentHasher;
import net.p2pnet.model.hash.ContentHashes;
import net.p2pnet.model.hash.HashProgress;
import net.p2pnet.model.torrent.Metainfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hashes shared files in the background, one file at a time (the {@link ContentHasher} already
 * uses every core for one file; two files at once would only make the disk seek). A file whose
 * path, size and mtime are in the cache is not read again.
 */
@Component
class ShareHasher {

    private static final Logger log = LoggerFactory.getLogger(ShareHasher.class);
    /** Log a line per this share of a big file, not per buffer. */
    private static final double LOG_STEP = 0.25;

    private final ExecutorService queue = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name("share-hasher").factory());
    private final ContentHasher hasher = new ContentHasher();
    private final SharedFileRepository cache;
    private final ShareLibrary library;
    private final SharePublisher publisher;
    private final ShareProperties properties;
    private final Counter hashedBytes;

    ShareHasher(SharedFileRepository cache, ShareLibrary library, SharePublisher publisher, ShareProperties properties,
            MeterRegistry meters) {
        this.cache = cache;
        this.library = library;
        this.publisher = publisher;
        this.properties = properties;
        this.hashedBytes = Counter.builder("p2pnet.agent.hashing")
                .description("bytes of shared files read for hashing").baseUnit("bytes").register(meters);
    }

    /** Queues the file as the library entry describes it (size and mtime as seen by the scanner). */
    void submit(ShareEntry entry) {
        queue.execute(() -> hashAndPublish(entry.path(), entry.size(), entry.mtimeMillis()));
    }

    private void hashAndPublish(Path path, long size, long mtime) {
        if (library.entry(path).filter(e -> e.isFile(size, mtime)).isEmpty()) {
            return; // changed or removed while queued: the scanner queued a newer job
        }
        try {
            FileHashes hashes = cache.findById(path.toString()).map(SharedFileEntity::toHashes)
                    .filter(h -> h.matches(size, mtime))
                    .orElseGet(() -> hashNow(path, size, mtime));
            publisher.publish(hashes);
            library.update(path, size, mtime, e -> e.shared(hashes));
        } catch (RuntimeException e) {
            log.warn("sharing {} failed: {}", path, e.getMessage());
            library.update(path, size, mtime, entry -> entry.failed(e.getMessage()));
        }
    }

    private FileHashes hashNow(Path path, long size, long mtime) {
        log.info("hashing {} ({} bytes)", path, size);
        ContentHashes content;
        try {
            content = hasher.hash(path, properties.pieceLengthBytes(), progress(path, size));
        } catch (IOException e) {
            throw new ShareException("cannot read " + path + ": " + e.getMessage(), false);
        }
        hashedBytes.increment(content.size());
        if (content.size() != size) {
            throw new ShareException(path + " changed while it was hashed; it will be hashed again", false);
        }
        Metainfo torrent = publisher.makeTorrent(path.getFileName().toString(), content);
        FileHashes hashes = new FileHashes(path, size, mtime, content.ed2k().hex(), content.ed2k().chunkHashes(),
                HexFormat.of().formatHex(content.sha1()), torrent.infoHash().hex(), torrent.toBytes());
        cache.save(new SharedFileEntity(hashes, Instant.now()));
        log.info("hashed {}: ed2k {} btih {}", path, hashes.ed2kHash(), hashes.infoHash());
        return hashes;
    }

    private HashProgress progress(Path path, long size) {
        double[] logged = {0};
        return (done, total) -> {
            double fraction = total > 0 ? (double) done / total : 0;
            library.updateQuietly(path, e -> e.isFile(size, e.mtimeMillis()) ? e.withProgress(fraction) : e);
            if (fraction - logged[0] >= LOG_STEP) {
                logged[0] = fraction;
                log.info("hashing {}: {}%", path, Math.round(fraction * 100));
            }
        };
    }

    @PreDestroy
    void stop() {
        queue.shutdownNow();
        hasher.close();
    }
}
