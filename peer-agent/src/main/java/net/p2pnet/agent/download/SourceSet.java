package net.p2pnet.agent.download;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.model.api.SourceView;

/**
 * A download's sources: those it has tried (by {@link RemoteSource#key()}, each keeping its own
 * record of bytes, bad pieces and bans) and the endpoints it learnt from others and has not tried
 * yet (source and peer exchange, agents that asked us for the file, upgrades to a native port).
 * Learnt endpoints come from other machines, so at most {@link ServedContent#MAX_KNOWN_SOURCES} are
 * kept. Thread-safe: discovery, every source's workers, the transfer port and the API use it.
 */
final class SourceSet {

    private final Map<String, RemoteSource> tried = new ConcurrentHashMap<>();
    private final Set<SourceEndpoint> learnt = ConcurrentHashMap.newKeySet();

    /** Keeps {@code source} unless one with its key is known; returns the one kept. */
    RemoteSource add(RemoteSource source) {
        RemoteSource known = tried.putIfAbsent(source.key(), source);
        return known == null ? source : known;
    }

    /** The source with this key, or null. */
    RemoteSource get(String key) {
        return key == null ? null : tried.get(key);
    }

    /** Wakes workers blocked on a peer (a BitTorrent peer that keeps us choked) so they leave at once. */
    void closeLinks(String reason) {
        tried.values().forEach(source -> source.closeLink(reason));
    }

    /** Called by the download's rate sampler about once a second. */
    void sampleRates(long nowMillis) {
        tried.values().forEach(source -> source.sampleRate(nowMillis));
    }

    /** Every source in use or tried, for the API (a source superseded by its native port is shown once). */
    List<SourceView> views() {
        return tried.values().stream().filter(s -> !s.isSuperseded()).map(RemoteSource::view).toList();
    }

    /** Peers with an open link, which may be asked which other peers hold the file. */
    List<RemoteSource> connectedPeers() {
        return tried.values().stream().filter(s -> {
            SourceLink link = s.link();
            return link != null && !s.isMirror() && s.isUsable() && link.isOpen();
        }).toList();
    }

    /** Keeps endpoints learnt from other machines while fewer than the budget are kept. */
    synchronized void learnt(Collection<SourceEndpoint> endpoints) {
        for (SourceEndpoint endpoint : endpoints) {
            if (learnt.size() >= ServedContent.MAX_KNOWN_SOURCES) {
                return;
            }
            learnt.add(endpoint);
        }
    }

    boolean learntFull() {
        return learnt.size() >= ServedContent.MAX_KNOWN_SOURCES;
    }

    /** The endpoints learnt so far (a copy). */
    List<SourceEndpoint> learnt() {
        return List.copyOf(learnt);
    }

    /** Agents' transfer addresses known to hold (part of) the file, for source exchange. */
    Collection<InetSocketAddress> agentAddresses() {
        Set<InetSocketAddress> known = new HashSet<>();
        learnt.stream().filter(e -> PeerNetwork.P2PNET.equals(e.network())).forEach(e -> known.add(e.address()));
        tried.values().stream().filter(s -> !s.isMirror() && s.isUsable() && PeerNetwork.P2PNET.equals(s.network()))
                .forEach(s -> known.add(s.endpoint().address()));
        return known;
    }
}
