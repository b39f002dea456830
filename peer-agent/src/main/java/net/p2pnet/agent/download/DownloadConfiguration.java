package net.p2pnet.agent.download;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Random;
import net.p2pnet.agent.bandwidth.BandwidthLimits;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.agent.config.MirrorAddresses;
import net.p2pnet.agent.transfer.ContentCatalog;
import net.p2pnet.agent.transfer.TransferClient;
import net.p2pnet.agent.transfer.TransferServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the download engine (plain Java: {@link Download}, {@link Swarm} and the classes they own)
 * into the agent. The engine's clock and random generator are made here and nowhere else, so the
 * engine's tests give it their own.
 */
@Configuration(proxyBeanMethods = false)
class DownloadConfiguration {

    /** Part files, pieces files and records, inside the download directory (the final move is a rename). */
    private static final String WORK_DIR = ".p2pnet-incomplete";

    @Bean
    DownloadMetrics downloadMetrics(MeterRegistry registry) {
        return new DownloadMetrics(registry);
    }

    /** The native network: other agents' transfer ports. */
    @Bean
    P2pnetNetwork p2pnetNetwork(TransferClient client, TransferServer server) {
        return new P2pnetNetwork(client, server);
    }

    /**
     * Networks, source finders and metainfo resolvers are looked up when a download needs them, not
     * injected: they depend on beans that depend on the engine.
     */
    @Bean
    DownloadFactory downloadFactory(AgentProperties properties, ContentCatalog catalog, TransferClient client,
                                    BandwidthLimits limits, TrafficMeter meter, DownloadMetrics metrics,
                                    ApplicationEventPublisher events, ObjectProvider<PeerNetwork> networks,
                                    ObjectProvider<SourceFinder> finders, ObjectProvider<MetainfoResolver> resolvers,
                                    JsonMapper json, MirrorAddresses mirrors) {
        Path downloadDir = properties.downloadDir().toAbsolutePath().normalize();
        Path workDir = downloadDir.resolve(WORK_DIR);
        EnginePlugins plugins = new EnginePlugins(() -> networks.orderedStream().toList(),
                () -> finders.orderedStream().toList(), () -> resolvers.orderedStream().toList());
        DownloadEnvironment env = new DownloadEnvironment(downloadDir, workDir, new DownloadStore(workDir, json),
                catalog, client, limits.download(), meter, metrics, events::publishEvent, plugins,
                new MonotonicClock(), new Random());
        return new DownloadFactory(env, mirrors);
    }

    @Bean
    DownloadService downloadService(DownloadFactory factory, DownloadMetrics metrics) {
        return new DownloadService(factory, metrics);
    }
}
