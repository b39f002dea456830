package net.p2pnet.tracker.swarm;

/**
 * An announce after protocol parsing, the same for HTTP (BEP 3) and UDP (BEP 15).
 *
 * @param address the peer's 4- or 16-byte IP address
 * @param numwant how many peers to return, already capped by the tracker's limit
 * @param key the client's {@code key} (BEP 3 / BEP 15) or 0 when it sent none; lets a peer change address
 */
public record PeerAnnounce(Key20 infoHash, Key20 peerId, byte[] address, int port, long left, Event event,
                           int numwant, int key) {

    public boolean seeder() {
        return left == 0;
    }
}
