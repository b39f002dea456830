package net.p2pnet.agent.download;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import net.p2pnet.model.api.DownloadState;

/**
 * Download counters, each labelled with the network the piece or source came through ({@code p2pnet},
 * {@code bittorrent}, {@code http}): {@code p2pnet_agent_pieces_verified_total{network}},
 * {@code p2pnet_agent_pieces_failed_total{network}}, {@code p2pnet_agent_sources_banned_total{network}};
 * and the gauge {@code p2pnet_agent_downloads{state}}.
 */
final class DownloadMetrics {

    private static final String VERIFIED = "p2pnet.agent.pieces.verified";
    private static final String FAILED = "p2pnet.agent.pieces.failed";
    private static final String BANNED = "p2pnet.agent.sources.banned";

    private final MeterRegistry registry;

    DownloadMetrics(MeterRegistry registry) {
        this.registry = registry;
        // registered up front, so every series exists (at 0) before the first download
        for (String network : List.of(PeerNetwork.P2PNET, PeerNetwork.BITTORRENT, "http")) {
            pieceCounter(VERIFIED, network);
            pieceCounter(FAILED, network);
            pieceCounter(BANNED, network);
        }
    }

    private Counter pieceCounter(String name, String network) {
        String description = switch (name) {
            case VERIFIED -> "pieces that passed SHA-1 (and MD4 where their chunk completed), by network";
            case FAILED -> "pieces received with bad data and discarded, by network";
            default -> "sources banned for a file after repeated bad data, by network";
        };
        return Counter.builder(name).description(description).tag("network", network).register(registry);
    }

    void watch(Supplier<Collection<Download>> downloads) {
        for (DownloadState state : DownloadState.values()) {
            Gauge.builder("p2pnet.agent.downloads", () -> downloads.get().stream().filter(d -> d.state() == state).count())
                    .description("downloads by state").tag("state", state.name()).register(registry);
        }
        // p2pnet_agent_rate_bytes_per_second{direction}: the downloads' current rates, summed (sampled each second)
        Gauge.builder("p2pnet.agent.rate.bytes.per.second",
                        () -> downloads.get().stream().mapToLong(d -> d.counters().downloadRate()).sum())
                .description("current payload rate of all downloads").tag("direction", "in").register(registry);
        Gauge.builder("p2pnet.agent.rate.bytes.per.second",
                        () -> downloads.get().stream().mapToLong(d -> d.counters().uploadRate()).sum())
                .description("current rate at which downloads in progress are served to others").tag("direction", "out")
                .register(registry);
    }

    void pieceVerified(String network) {
        pieceCounter(VERIFIED, network).increment();
    }

    void pieceFailed(String network) {
        pieceCounter(FAILED, network).increment();
    }

    void sourceBanned(String network) {
        pieceCounter(BANNED, network).increment();
    }
}
