package net.p2pnet.agent.download;

import java.util.List;
import java.util.function.Supplier;

/**
 * What other packages plug into the engine: the networks sources are reached through, the finders
 * of sources (tracker announces) and of metainfo (the tracker registry). Looked up at each use, not
 * at construction: the plug-ins depend on beans the engine also uses (the content catalog, the
 * transfer port), and the BitTorrent network is switched on and off by its own setting.
 */
final class EnginePlugins {

    private final Supplier<List<PeerNetwork>> networks;
    private final Supplier<List<SourceFinder>> finders;
    private final Supplier<List<MetainfoResolver>> resolvers;
    private final SelfAddress self;

    EnginePlugins(Supplier<List<PeerNetwork>> networks, Supplier<List<SourceFinder>> finders,
                  Supplier<List<MetainfoResolver>> resolvers) {
        this.networks = networks;
        this.finders = finders;
        this.resolvers = resolvers;
        this.self = new SelfAddress(networks);
    }

    /** The enabled network called {@code name}, or null. */
    PeerNetwork network(String name) {
        return networks.get().stream().filter(n -> n.enabled() && n.name().equals(name)).findFirst().orElse(null);
    }

    List<PeerNetwork> enabledNetworks() {
        return networks.get().stream().filter(PeerNetwork::enabled).toList();
    }

    List<SourceFinder> sourceFinders() {
        return finders.get();
    }

    List<MetainfoResolver> metainfoResolvers() {
        return resolvers.get();
    }

    /** Whether {@code endpoint} is this agent (trackers and exchanges list us too). */
    boolean isSelf(SourceEndpoint endpoint) {
        return self.isSelf(endpoint);
    }
}
