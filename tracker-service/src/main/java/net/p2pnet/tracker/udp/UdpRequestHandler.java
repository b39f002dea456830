package net.p2pnet.tracker.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import net.p2pnet.tracker.announce.AnnounceService;
import net.p2pnet.tracker.announce.Protocol;
import net.p2pnet.tracker.http.RawQuery;
import net.p2pnet.tracker.http.TrackerPath;
import net.p2pnet.tracker.metrics.TrackerMetrics;
import net.p2pnet.tracker.metrics.TrackerMetrics.Endpoint;
import net.p2pnet.tracker.scrape.ScrapeService;
import net.p2pnet.tracker.swarm.AnnounceOutcome;
import net.p2pnet.tracker.swarm.Event;
import net.p2pnet.tracker.swarm.Key20;
import net.p2pnet.tracker.swarm.PeerAnnounce;
import net.p2pnet.tracker.swarm.PeerEndpoint;
import net.p2pnet.tracker.swarm.SwarmStats;
import net.p2pnet.tracker.swarm.TrackerRefusal;

/**
 * Answers one BEP 15 packet. Malformed packets too short to carry a transaction id are dropped
 * silently (there is no one to answer); anything else wrong gets an error packet (action 3).
 * Not thread-safe: {@link UdpTracker} feeds it from a single thread.
 */
final class UdpRequestHandler {

    static final long PROTOCOL_ID = 0x41727101980L;
    static final int CONNECT = 0;
    static final int ANNOUNCE = 1;
    static final int SCRAPE = 2;
    static final int ERROR = 3;
    private static final int ANNOUNCE_LENGTH = 98;
    private static final int URL_DATA = 2;

    private final AnnounceService announces;
    private final ScrapeService scrapes;
    private final TrackerMetrics metrics;
    private final ConnectionIds connectionIds;
    private final boolean honourIpField;

    UdpRequestHandler(AnnounceService announces, ScrapeService scrapes, TrackerMetrics metrics, Clock clock,
                      boolean honourIpField) {
        this.announces = announces;
        this.scrapes = scrapes;
        this.metrics = metrics;
        this.connectionIds = new ConnectionIds(clock);
        this.honourIpField = honourIpField;
    }

    /**
     * Writes the answer into {@code out} (cleared, then flipped); false when nothing is to be sent:
     * packets too short to answer, and packets without a valid connection id. The second are
     * dropped silently because their source address may be forged: answering them would make us
     * an amplifier aimed at whoever owns it.
     */
    boolean handle(ByteBuffer in, InetSocketAddress from, ByteBuffer out) {
        out.clear();
        if (in.remaining() < 16) {
            return false;
        }
        long start = System.nanoTime();
        long connectionId = in.getLong();
        int action = in.getInt();
        int transactionId = in.getInt();
        byte[] address = from.getAddress().getAddress();
        Endpoint endpoint = action == CONNECT ? Endpoint.CONNECT : action == SCRAPE ? Endpoint.SCRAPE : Endpoint.ANNOUNCE;
        try {
            if (action == CONNECT) {
                if (connectionId != PROTOCOL_ID) {
                    throw new TrackerRefusal("connect must carry the BEP 15 protocol id 0x41727101980");
                }
                out.putInt(CONNECT).putInt(transactionId).putLong(connectionIds.issue(address, from.getPort()));
            } else if (!connectionIds.valid(connectionId, address, from.getPort())) {
                metrics.refused(Protocol.UDP);
                return false;
            } else if (action == ANNOUNCE) {
                announce(in, address, transactionId, out);
            } else if (action == SCRAPE) {
                scrape(in, transactionId, out);
            } else {
                throw new TrackerRefusal("unknown action " + action);
            }
        } catch (TrackerRefusal refusal) {
            metrics.refused(Protocol.UDP);
            out.clear();
            out.putInt(ERROR).putInt(transactionId).put(refusal.getMessage().getBytes(StandardCharsets.UTF_8));
        }
        out.flip();
        metrics.timed(Protocol.UDP, endpoint, start);
        return true;
    }

    private void announce(ByteBuffer in, byte[] source, int transactionId, ByteBuffer out) {
        byte[] address = source;
        if (in.remaining() < ANNOUNCE_LENGTH - 16) {
            throw new TrackerRefusal("announce packet too short: " + (in.remaining() + 16) + " bytes, need 98");
        }
        Key20 infoHash = key20(in);
        Key20 peerId = key20(in);
        in.getLong(); // downloaded
        long left = in.getLong();
        in.getLong(); // uploaded
        Event event = event(in.getInt());
        int ip = in.getInt();
        int key = in.getInt();
        int numwant = in.getInt();
        int port = Short.toUnsignedInt(in.getShort());
        if (port == 0) {
            throw new TrackerRefusal("invalid port: 0");
        }
        if (left < 0) {
            throw new TrackerRefusal("invalid left: negative");
        }
        if (honourIpField && ip != 0 && address.length == 4) {
            address = ByteBuffer.allocate(4).putInt(ip).array();
        }
        String passkey = passkey(in);
        // Key 0 is "no key", as for HTTP: such a peer can only be stopped or moved from its own IP address.
        PeerAnnounce request = new PeerAnnounce(infoHash, peerId, address, port, left, event, numwant, key);
        AnnounceOutcome outcome = announces.announce(request, source, passkey, Protocol.UDP);
        SwarmStats stats = outcome.stats();
        out.putInt(ANNOUNCE).putInt(transactionId).putInt(announces.intervalSeconds())
                .putInt(stats.leechers()).putInt(stats.seeders());
        // BEP 15: the peer list's address family is the one the request came over.
        boolean ipv6 = address.length == 16;
        for (PeerEndpoint peer : outcome.peers()) {
            if (peer.ipv6() == ipv6 && out.remaining() >= peer.compact().length) {
                out.put(peer.compact());
            }
        }
    }

    private void scrape(ByteBuffer in, int transactionId, ByteBuffer out) {
        List<Key20> hashes = new ArrayList<>(in.remaining() / Key20.LENGTH);
        while (in.remaining() >= Key20.LENGTH) {
            hashes.add(key20(in));
        }
        if (hashes.isEmpty()) {
            throw new TrackerRefusal("scrape packet without info_hash");
        }
        SortedMap<Key20, SwarmStats> stats = scrapes.scrape(hashes, null);
        out.putInt(SCRAPE).putInt(transactionId);
        for (Key20 hash : hashes) {
            SwarmStats s = stats.getOrDefault(hash, SwarmStats.EMPTY);
            out.putInt(s.seeders()).putInt((int) Math.min(s.downloaded(), Integer.MAX_VALUE)).putInt(s.leechers());
        }
    }

    /** BEP 41 URLData options carry the announce URL's path and query, hence a private passkey. */
    private static String passkey(ByteBuffer in) {
        StringBuilder url = new StringBuilder();
        while (in.hasRemaining()) {
            int type = in.get() & 0xFF;
            if (type == 0) {
                break;
            }
            if (type == 1 || !in.hasRemaining()) {
                continue;
            }
            int length = in.get() & 0xFF;
            if (length > in.remaining()) {
                break;
            }
            byte[] data = new byte[length];
            in.get(data);
            if (type == URL_DATA) {
                url.append(new String(data, StandardCharsets.ISO_8859_1));
            }
        }
        return passkeyOf(url.toString());
    }

    static String passkeyOf(String url) {
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        TrackerPath parsed = TrackerPath.of(path);
        if (parsed != null && parsed.passkey() != null) {
            return parsed.passkey();
        }
        return question < 0 ? null : RawQuery.parse(url.substring(question + 1)).firstText("passkey");
    }

    private static Key20 key20(ByteBuffer in) {
        Key20 key = Key20.of(in.array(), in.arrayOffset() + in.position());
        in.position(in.position() + Key20.LENGTH);
        return key;
    }

    private static Event event(int code) {
        return switch (code) {
            case 0 -> Event.NONE;
            case 1 -> Event.COMPLETED;
            case 2 -> Event.STARTED;
            case 3 -> Event.STOPPED;
            default -> throw new TrackerRefusal("invalid event " + code + ": expected 0..3");
        };
    }
}
