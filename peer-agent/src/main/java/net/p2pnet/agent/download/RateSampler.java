package net.p2pnet.agent.download;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second: the download's current rates (and each source's) and a progress event; every ten seconds a log line
 * (progress at a sane rate, as every long operation reports it).
 */
final class RateSampler {

    private static final Logger log = LoggerFactory.getLogger(RateSampler.class);
    private static final long SAMPLE_MS = 1000;
    private static final long LOG_MS = 10_000;

    private final Download download;
    private final DownloadCounters counters;
    private final Clock clock;
    private long lastSample;
    private long lastLog;
    private long lastDown;
    private long lastUp;

    RateSampler(Download download) {
        this.download = download;
        this.counters = download.counters();
        this.clock = download.env().clock();
        this.lastSample = clock.millis();
        this.lastLog = lastSample;
        this.lastDown = counters.receivedBytes();
        this.lastUp = counters.uploadedBytes();
    }

    void tick() {
        long now = clock.millis();
        long elapsed = now - lastSample;
        if (elapsed < SAMPLE_MS) {
            return;
        }
        long down = counters.receivedBytes();
        long up = counters.uploadedBytes();
        counters.rates((down - lastDown) * 1000 / elapsed, (up - lastUp) * 1000 / elapsed);
        download.sources().sampleRates(now);
        lastSample = now;
        lastDown = down;
        lastUp = up;
        download.publish();
        if (now - lastLog >= LOG_MS) {
            lastLog = now;
            var view = download.view();
            log.info("download {} ({}): {}/{} bytes verified, {} B/s from {} sources", view.id(), view.name(),
                    view.verifiedBytes(), view.size(), view.downloadRate(), view.sources().size());
        }
    }
}
