package net.p2pnet.agent.bittorrent;

import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BString;

/**
 * What a peer told in its BEP 10 extension handshake. Ids and ports out of range count as absent,
 * so nothing downstream sends to extension id 300 or connects to port 70000.
 *
 * @param metadataId   its id for ut_metadata, 0 = not offered
 * @param pexId        its id for ut_pex, 0 = not offered
 * @param metadataSize the info dictionary's size, -1 = not told
 * @param listenPort   "p", -1 = not told
 * @param transferPort "p2pnet_port" (the peer is an agent), -1 = not told
 * @param requestQueue "reqq", -1 = not told
 * @param client       "v" (at most 64 characters), null = not told
 */
record PeerExtensions(boolean received, int metadataId, int pexId, int metadataSize, int listenPort,
                      int transferPort, int requestQueue, String client) {

    /** Before the handshake (or for a peer without BEP 10). */
    static final PeerExtensions NONE = new PeerExtensions(false, 0, 0, -1, -1, -1, -1, null);

    private static final int MAX_CLIENT = 64;

    /** A later handshake replaces an earlier one, except that a client name once told stays. */
    static PeerExtensions of(BDictionary d, PeerExtensions previous) {
        BDictionary m = d.optionalDictionary("m").orElse(BDictionary.builder().build());
        return new PeerExtensions(true, extensionId(m, "ut_metadata"), extensionId(m, "ut_pex"),
                Extensions.intOrMinusOne(d, "metadata_size"), port(d, "p"), port(d, "p2pnet_port"),
                Extensions.intOrMinusOne(d, "reqq"),
                d.get("v").filter(BString.class::isInstance).map(v -> ((BString) v).asUtf8())
                        .map(v -> v.length() > MAX_CLIENT ? v.substring(0, MAX_CLIENT) : v).orElse(previous.client()));
    }

    private static int extensionId(BDictionary m, String name) {
        int id = Extensions.intOrMinusOne(m, name);
        return id > 0 && id <= 255 ? id : 0; // one byte on the wire
    }

    private static int port(BDictionary d, String key) {
        int port = Extensions.intOrMinusOne(d, key);
        return port > 0 && port <= 65535 ? port : -1;
    }
}
