package net.p2pnet.agent.download;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.function.Supplier;
import net.p2pnet.model.api.DownloadState;
import org.springframework.stereotype.Component;

/**
 * Download counters: {@code p2pnet_agent_pieces_verified_total}, {@code p2pnet_agent_pieces_failed_total},
 * {@code p2pnet_agent_sources_banned_total} and the gauge {@code p2pnet_agent_downloads{state}}.
 */
@Component
public class DownloadMetrics {

    private final MeterRegistry registry;
    private final Counter verified;
    private final Counter failed;
    private final Counter banned;

    public DownloadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.verified = Counter.builder("p2pnet.agent.pieces.verified")
                .description("pieces that passed SHA-1 (and MD4 where their chunk completed)").register(registry);
        this.failed = Counter.builder("p2pnet.agent.pieces.failed")
                .description("pieces received with bad data and discarded").register(registry);
        this.banned = Counter.builder("p2pnet.agent.sources.banned")
                .description("sources banned for a file after repeated bad data").register(registry);
    }

    void watch(Supplier<Collection<Download>> downloads) {
        for (DownloadState state : DownloadState.values()) {
            Gauge.builder("p2pnet.agent.downloads", () -> downloads.get().stream().filter(d -> d.state() == state).count())
                    .description("downloads by state").tag("state", state.name()).register(registry);
        }
        // p2pnet_agent_rate_bytes_per_second{direction}: the downloads' current rates, summed (sampled each second)
        Gauge.builder("p2pnet.agent.rate.bytes.per.second",
                        () -> downloads.get().stream().mapToLong(Download::downloadRate).sum())
                .description("current payload rate of all downloads").tag("direction", "in").register(registry);
        Gauge.builder("p2pnet.agent.rate.bytes.per.second",
                        () -> downloads.get().stream().mapToLong(Download::uploadRate).sum())
                .description("current rate at which downloads in progress are served to others").tag("direction", "out")
                .register(registry);
    }

    void pieceVerified() {
        verified.increment();
    }

    void pieceFailed() {
        failed.increment();
    }

    void sourceBanned() {
        banned.increment();
    }
}
