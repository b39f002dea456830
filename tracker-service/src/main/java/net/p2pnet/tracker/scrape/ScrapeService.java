package net.p2pnet.tracker.scrape;

import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;
import net.p2pnet.tracker.announce.AccessPolicy;
import net.p2pnet.tracker.swarm.Key20;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import net.p2pnet.tracker.swarm.SwarmSnapshot;
import net.p2pnet.tracker.swarm.SwarmStats;
import net.p2pnet.tracker.swarm.TrackerRefusal;

/** Scrapes (BEP 48) for the HTTP and UDP front ends; memory only, like announces. */
public final class ScrapeService {

    /** More info-hashes than this in one scrape are refused (a UDP packet holds at most 74 anyway). */
    public static final int MAX_HASHES = 256;

    private final SwarmRegistry swarms;
    private final AccessPolicy access;
    private final boolean fullScrapeAllowed;

    public ScrapeService(SwarmRegistry swarms, AccessPolicy access, boolean fullScrapeAllowed) {
        this.swarms = swarms;
        this.access = access;
        this.fullScrapeAllowed = fullScrapeAllowed;
    }

    /**
     * Stats per info-hash, sorted in bencode key order. Unknown hashes report zeros in open mode (any
     * hash may be tracked) and are left out in private mode (it does not reveal what it tracks).
     */
    public SortedMap<Key20, SwarmStats> scrape(Collection<Key20> infoHashes, String passkey) {
        access.checkPasskey(passkey);
        if (infoHashes.size() > MAX_HASHES) {
            throw new TrackerRefusal("too many info_hash values: at most " + MAX_HASHES + " per scrape");
        }
        SortedMap<Key20, SwarmStats> out = new TreeMap<>();
        if (infoHashes.isEmpty()) {
            if (!fullScrapeAllowed) {
                throw new TrackerRefusal("full scrape is disabled on this tracker: give info_hash");
            }
            for (SwarmSnapshot swarm : swarms.snapshot()) {
                if (access.visible(swarm.infoHash())) {
                    out.put(swarm.infoHash(), swarm.stats());
                }
            }
            return out;
        }
        for (Key20 infoHash : infoHashes) {
            if (access.visible(infoHash)) {
                out.put(infoHash, swarms.stats(infoHash));
            }
        }
        return out;
    }
}
