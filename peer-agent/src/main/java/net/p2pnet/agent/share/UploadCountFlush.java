package net.p2pnet.agent.share;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Persists the upload counters at most every few seconds (one UPDATE per changed file, never one
 * per block) and republishes the changed shares, so the Shares page follows them live.
 */
@Component
class UploadCountFlush {

    private static final Logger log = LoggerFactory.getLogger(UploadCountFlush.class);

    private final UploadCounts counts;
    private final SharedFileRepository cache;
    private final ShareLibrary library;

    UploadCountFlush(UploadCounts counts, SharedFileRepository cache, ShareLibrary library) {
        this.counts = counts;
        this.cache = cache;
        this.library = library;
    }

    @Scheduled(fixedDelayString = "${p2pnet.agent.share.upload-flush-interval:3s}")
    void flush() {
        Map<Path, Long> changed = counts.takeChanged();
        changed.forEach((path, bytes) -> {
            try {
                cache.setUploaded(path.toString(), bytes);
            } catch (RuntimeException e) { // the next change of this file writes its total again
                log.warn("cannot store the upload counter of {}: {}", path, e.getMessage());
            }
            library.republish(path);
        });
    }

    /** The last seconds of counting are not lost on a clean stop. */
    @PreDestroy
    void flushOnStop() {
        flush();
    }
}
