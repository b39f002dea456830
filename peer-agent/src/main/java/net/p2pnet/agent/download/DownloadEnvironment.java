package net.p2pnet.agent.download;

import java.nio.file.Path;
import java.util.List;
import net.p2pnet.agent.bandwidth.BandwidthLimits;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.transfer.ContentCatalog;
import net.p2pnet.agent.transfer.TransferClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The agent-wide collaborators every download uses, bundled so a download is built with one argument.
 *
 * @param downloadDir where finished files land
 * @param workDir     part files, pieces files and download records (inside {@code downloadDir}, so the
 *                    final move is a rename on one file system)
 */
record DownloadEnvironment(Path downloadDir, Path workDir, ContentCatalog catalog, TransferClient client,
                           BandwidthLimits limits, TrafficMeter meter, DownloadMetrics metrics,
                           DownloadStore store, ApplicationEventPublisher events,
                           ObjectProvider<SourceFinder> finders, ObjectProvider<MetainfoResolver> resolvers,
                           ObjectProvider<PeerNetwork> networks, SelfAddress self) {

    /** The enabled network called {@code name}, or null. */
    PeerNetwork network(String name) {
        return networks.orderedStream().filter(n -> n.enabled() && n.name().equals(name)).findFirst().orElse(null);
    }

    List<PeerNetwork> enabledNetworks() {
        return networks.orderedStream().filter(PeerNetwork::enabled).toList();
    }

    List<SourceFinder> sourceFinders() {
        return finders.orderedStream().toList();
    }

    List<MetainfoResolver> metainfoResolvers() {
        return resolvers.orderedStream().toList();
    }
}
