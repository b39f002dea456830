package net.p2pnet.agent.download;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import net.p2pnet.agent.bandwidth.RateLimiter;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.transfer.ContentCatalog;
import net.p2pnet.agent.transfer.TransferClient;

/**
 * The agent-wide collaborators every download uses, bundled so a download is built with one
 * argument. Plain Java: {@link DownloadConfiguration} builds it from the agent's beans, and the
 * engine's tests build it without Spring.
 *
 * @param downloadDir  where finished files land
 * @param workDir      part files, pieces files and download records (inside {@code downloadDir}, so the
 *                     final move is a rename on one file system)
 * @param client       the native protocol's HTTP client, for mirrors and for metainfo asked of agents
 * @param downloadLimit the global limit every received byte passes (before the download's own)
 * @param events       where state changes and progress go (Spring's event publisher in the agent)
 * @param clock        every time the engine reads: intervals, rates, a mirror's grace period
 * @param random       where a download's piece search starts (ties of rarest first)
 */
record DownloadEnvironment(Path downloadDir, Path workDir, DownloadStore store, ContentCatalog catalog,
                           TransferClient client, RateLimiter downloadLimit, TrafficMeter meter,
                           DownloadMetrics metrics, Consumer<DownloadEvent> events, EnginePlugins plugins,
                           Clock clock, RandomGenerator random) {
}
