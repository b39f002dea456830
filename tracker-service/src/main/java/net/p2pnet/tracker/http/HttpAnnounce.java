package net.p2pnet.tracker.http;

import net.p2pnet.tracker.swarm.Event;
import net.p2pnet.tracker.swarm.Key20;
import net.p2pnet.tracker.swarm.PeerAnnounce;
import net.p2pnet.tracker.swarm.TrackerRefusal;

/**
 * An HTTP announce (BEP 3) read from its raw query string.
 *
 * @param compact  BEP 23: peers as one byte string; on unless the client sends {@code compact=0}
 * @param noPeerId leave {@code peer id} out of dictionary-model peer lists
 * @param passkey  from {@code ?passkey=} (the {@code /a/<passkey>/announce} form is read by the servlet)
 */
public record HttpAnnounce(PeerAnnounce request, boolean compact, boolean noPeerId, String passkey) {

    private static final int MAX_PORT = 65535;

    /**
     * @param remoteAddress the socket's peer address, used unless {@code ip} is honoured and valid
     * @throws TrackerRefusal on missing or malformed parameters, with a reason that names the parameter
     */
    public static HttpAnnounce parse(RawQuery query, byte[] remoteAddress, boolean honourIp) {
        Key20 infoHash = null;
        Key20 peerId = null;
        int port = -1;
        long left = -1;
        Event event = Event.NONE;
        boolean compact = true;
        boolean noPeerId = false;
        int numwant = -1;
        int key = 0;
        byte[] address = remoteAddress;
        String passkey = null;
        for (RawQuery.Param p : query.params()) {
            switch (p.name()) {
                case "info_hash" -> infoHash = key20(query, p);
                case "peer_id" -> peerId = key20(query, p);
                case "port" -> port = (int) query.number(p, MAX_PORT);
                case "left" -> left = query.number(p, Long.MAX_VALUE);
                case "uploaded", "downloaded" -> query.number(p, Long.MAX_VALUE); // validated, not used
                case "event" -> event = event(query, p);
                case "compact" -> compact = !query.valueIs(p, "0");
                case "no_peer_id" -> noPeerId = !query.valueIs(p, "0");
                case "numwant", "num_want" -> numwant = (int) Math.min(query.number(p, Long.MAX_VALUE), Integer.MAX_VALUE);
                // Any string is a valid key; only equality matters (0 is reserved for "none").
                case "key" -> key = query.text(p).hashCode() | 1;
                case "ip" -> address = honourIp ? IpLiteral.parse(query.text(p)).orElse(address) : address;
                case "passkey" -> passkey = query.text(p);
                default -> { } // trackerid, supportcrypto, corrupt, ...: accepted and ignored, as bttrack does
            }
        }
        require(infoHash != null, "missing info_hash");
        require(peerId != null, "missing peer_id");
        require(port > 0, port == 0 ? "invalid port: 0" : "missing port");
        require(left >= 0, "missing left");
        return new HttpAnnounce(new PeerAnnounce(infoHash, peerId, address, port, left, event, numwant, key),
                compact, noPeerId, passkey);
    }

    static Key20 key20(RawQuery query, RawQuery.Param p) {
        byte[] bytes = query.bytes(p);
        if (bytes.length != Key20.LENGTH) {
            throw new TrackerRefusal("invalid " + p.name() + ": expected 20 bytes, got " + bytes.length);
        }
        return Key20.of(bytes);
    }

    private static Event event(RawQuery query, RawQuery.Param p) {
        if (query.valueIs(p, "") || query.valueIs(p, "empty")) {
            return Event.NONE;
        }
        for (Event e : Event.values()) {
            if (e != Event.NONE && query.valueIs(p, e.tag())) {
                return e;
            }
        }
        throw new TrackerRefusal("invalid event: expected started, completed, stopped or empty");
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new TrackerRefusal(reason);
        }
    }
}
