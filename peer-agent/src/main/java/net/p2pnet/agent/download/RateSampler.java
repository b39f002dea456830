package net.p2pnet.agent.download;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second: the download's current rates (and each source's) and a progress event; every ten seconds a log line
 * (progress at a sane rate, as every long operation reports it).
 */
final class RateSampler {

    private static final Logger log = LoggerFactory.getLogger(RateSampler.class);
    private static final long SAMPLE_NANOS = 1_000_000_000L;
    private static final long LOG_NANOS = 10_000_000_000L;

    private final Download download;
    private long lastSample = System.nanoTime();
    private long lastLog = lastSample;
    private long lastDown;
    private long lastUp;

    RateSampler(Download download) {
        this.download = download;
        this.lastDown = download.downloaded().get();
        this.lastUp = download.uploadedBytes();
    }

    void tick() {
        long now = System.nanoTime();
        long elapsed = now - lastSample;
        if (elapsed < SAMPLE_NANOS) {
            return;
        }
        long down = download.downloaded().get();
        long up = download.uploadedBytes();
        download.rates((down - lastDown) * SAMPLE_NANOS / elapsed, (up - lastUp) * SAMPLE_NANOS / elapsed);
        download.sources().values().forEach(source -> source.sampleRate(now));
        lastSample = now;
        lastDown = down;
        lastUp = up;
        download.publish();
        if (now - lastLog >= LOG_NANOS) {
            lastLog = now;
            var view = download.view();
            log.info("download {} ({}): {}/{} bytes verified, {} B/s from {} sources", view.id(), view.name(),
                    view.verifiedBytes(), view.size(), view.downloadRate(), view.sources().size());
        }
    }
}
