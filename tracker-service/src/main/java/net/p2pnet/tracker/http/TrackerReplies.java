package net.p2pnet.tracker.http;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import net.p2pnet.tracker.swarm.AnnounceOutcome;
import net.p2pnet.tracker.swarm.Key20;
import net.p2pnet.tracker.swarm.PeerEndpoint;
import net.p2pnet.tracker.swarm.SwarmStats;

/** The bencoded bodies of HTTP tracker answers; every dictionary's keys are written in sorted order. */
public final class TrackerReplies {

    private TrackerReplies() {
    }

    /** BEP 3 failure: clients show the reason to the user. */
    public static ReplyBuffer failure(String reason) {
        return ReplyBuffer.create().dict().text("failure reason").text(reason).end();
    }

    /** BEP 3 announce answer; compact (BEP 23) puts IPv4 in {@code peers} and IPv6 in {@code peers6} (BEP 7). */
    public static ReplyBuffer announce(AnnounceOutcome outcome, int interval, int minInterval,
                                       boolean compact, boolean noPeerId) {
        SwarmStats stats = outcome.stats();
        ReplyBuffer out = ReplyBuffer.create().dict()
                .text("complete").integer(stats.seeders())
                .text("downloaded").integer(stats.downloaded())
                .text("incomplete").integer(stats.leechers())
                .text("interval").integer(interval)
                .text("min interval").integer(minInterval);
        if (compact) {
            writeCompact(out, outcome.peers());
        } else {
            writeDictionaries(out, outcome.peers(), noPeerId);
        }
        return out.end();
    }

    private static void writeCompact(ReplyBuffer out, List<PeerEndpoint> peers) {
        int v4 = 0;
        int v6 = 0;
        for (PeerEndpoint peer : peers) {
            if (peer.ipv6()) {
                v6++;
            } else {
                v4++;
            }
        }
        out.text("peers").stringHeader(v4 * 6);
        for (PeerEndpoint peer : peers) {
            if (!peer.ipv6()) {
                out.append(peer.compact());
            }
        }
        if (v6 > 0) {
            out.text("peers6").stringHeader(v6 * 18);
            for (PeerEndpoint peer : peers) {
                if (peer.ipv6()) {
                    out.append(peer.compact());
                }
            }
        }
    }

    private static void writeDictionaries(ReplyBuffer out, List<PeerEndpoint> peers, boolean noPeerId) {
        out.text("peers").list();
        byte[] id = new byte[Key20.LENGTH];
        for (PeerEndpoint peer : peers) {
            out.dict().text("ip").text(peer.ip());
            if (!noPeerId) {
                peer.peerId().writeTo(id, 0);
                out.text("peer id").string(id);
            }
            out.text("port").integer(peer.port()).end();
        }
        out.end();
    }

    /** BEP 48 scrape answer. */
    public static ReplyBuffer scrape(SortedMap<Key20, SwarmStats> files, int minRequestInterval) {
        ReplyBuffer out = ReplyBuffer.create().dict().text("files").dict();
        byte[] hash = new byte[Key20.LENGTH];
        for (Map.Entry<Key20, SwarmStats> file : files.entrySet()) {
            file.getKey().writeTo(hash, 0);
            SwarmStats stats = file.getValue();
            out.string(hash).dict()
                    .text("complete").integer(stats.seeders())
                    .text("downloaded").integer(stats.downloaded())
                    .text("incomplete").integer(stats.leechers())
                    .end();
        }
        out.end();
        return out.text("flags").dict().text("min_request_interval").integer(minRequestInterval).end().end();
    }
}
