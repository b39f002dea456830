package net.p2pnet.tracker.swarm;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One peer as other peers receive it: its id and its address in BEP 23 compact form (4-byte IPv4 or
 * 16-byte IPv6 address, then the port, big-endian). Immutable, so announce answers can be written
 * outside the swarm lock.
 */
public record PeerEndpoint(Key20 peerId, byte[] compact) {

    public static PeerEndpoint of(Key20 peerId, byte[] address, int port) {
        byte[] compact = new byte[address.length + 2];
        System.arraycopy(address, 0, compact, 0, address.length);
        compact[address.length] = (byte) (port >>> 8);
        compact[address.length + 1] = (byte) port;
        return new PeerEndpoint(peerId, compact);
    }

    public boolean ipv6() {
        return compact.length == 18;
    }

    public int port() {
        return ((compact[compact.length - 2] & 0xFF) << 8) | (compact[compact.length - 1] & 0xFF);
    }

    public String ip() {
        byte[] address = java.util.Arrays.copyOf(compact, compact.length - 2);
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("address of " + address.length + " bytes", impossible);
        }
    }

    boolean sameAddress(byte[] address, int port) {
        return port == port() && sameIp(address);
    }

    boolean sameIp(byte[] address) {
        return address.length == compact.length - 2
                && java.util.Arrays.equals(compact, 0, address.length, address, 0, address.length);
    }
}
