package net.p2pnet.tracker.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.support.network.NetworkProperties;
import net.p2pnet.tracker.announce.AccessPolicy;
import net.p2pnet.tracker.announce.AnnounceService;
import net.p2pnet.tracker.announce.PasskeyVerifier;
import net.p2pnet.tracker.http.BitTorrentHttpHandler;
import net.p2pnet.tracker.http.BitTorrentValve;
import net.p2pnet.tracker.http.PasskeyRedactionValve;
import net.p2pnet.tracker.metrics.TrackerMetrics;
import net.p2pnet.tracker.quota.AddressQuota;
import net.p2pnet.tracker.registry.TorrentCatalog;
import net.p2pnet.tracker.scrape.ScrapeService;
import net.p2pnet.tracker.swarm.PeerExpiry;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the tracker's plain-Java core (swarms, policy, front ends) into Spring. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TrackerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SwarmRegistry swarmRegistry(TrackerProperties properties, TaskScheduler scheduler, Clock clock) {
        TrackerProperties.Quotas quotas = properties.quotas();
        SwarmRegistry swarms = new SwarmRegistry(properties.maxSwarms(), properties.maxPeersPerSwarm(),
                properties.maxPeers(), new AddressQuota(quotas.newSwarmsPerAddress(), quotas.window().toMillis()));
        // Sweeping four times per timeout keeps an expired peer at most a quarter-timeout too long.
        scheduler.scheduleWithFixedDelay(new PeerExpiry(swarms, properties.peerTimeout(), clock),
                properties.peerTimeout().dividedBy(4));
        return swarms;
    }

    @Bean
    TorrentCatalog torrentCatalog() {
        return new TorrentCatalog();
    }

    @Bean
    AccessPolicy accessPolicy(TrackerProperties properties, NetworkProperties network, TorrentCatalog catalog,
                              Clock clock) {
        PasskeyVerifier passkeys = PasskeyVerifier.ofNetwork(NetworkKey.derive(network.name(), network.secret()), clock);
        return new AccessPolicy(properties.privateMode(), catalog::contains, passkeys);
    }

    @Bean
    TrackerMetrics trackerMetrics(MeterRegistry registry, SwarmRegistry swarms) {
        return new TrackerMetrics(registry, swarms);
    }

    @Bean
    AnnounceService announceService(SwarmRegistry swarms, AccessPolicy access, TrackerMetrics metrics,
                                    TrackerProperties properties, Clock clock) {
        return new AnnounceService(swarms, access, metrics, properties, clock);
    }

    @Bean
    ScrapeService scrapeService(SwarmRegistry swarms, AccessPolicy access, TrackerProperties properties) {
        return new ScrapeService(swarms, access, properties.fullScrape());
    }

    /** {@code /announce}, {@code /scrape}, {@code /a/<passkey>/...}: see {@link BitTorrentValve} for why a valve. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> bitTorrentEndpoints(
            AnnounceService announces, ScrapeService scrapes, TrackerMetrics metrics, TrackerProperties properties) {
        BitTorrentHttpHandler handler = new BitTorrentHttpHandler(announces, scrapes, metrics,
                properties.honourIpParameter());
        return factory -> factory.addEngineValves(new PasskeyRedactionValve(), new BitTorrentValve(handler));
    }
}
