package net.p2pnet.agent.bittorrent;

import java.util.Map;
import java.util.function.IntSupplier;
import net.p2pnet.agent.bandwidth.RateLimiter;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.transfer.ContentCatalog;

/**
 * What every connection shares: the agent's content, the upload limit, counters, ports, the piece counts of
 * torrents known only from fetched metadata (magnets, by info-hash), and who to tell about events.
 */
record WireContext(ContentCatalog catalog, RateLimiter upload, TrafficMeter meter, IntSupplier listenPort,
                   IntSupplier transferPort, Map<String, Integer> learntPieceCounts, Events events) {

    interface Events {
        /** The peer became interested: the choker may unchoke it at once if a slot is free. */
        void interested(PeerConnection connection);

        void closed(PeerConnection connection);
    }
}
