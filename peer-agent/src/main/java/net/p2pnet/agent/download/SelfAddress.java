package net.p2pnet.agent.download;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recognises this agent among sources (trackers, source and peer exchange list us too): a local
 * address on the port this agent listens on for that network.
 */
final class SelfAddress {

    private final Supplier<List<PeerNetwork>> networks;

    SelfAddress(Supplier<List<PeerNetwork>> networks) {
        this.networks = networks;
    }

    boolean isSelf(SourceEndpoint endpoint) {
        int port = networks.get().stream().filter(n -> n.name().equals(endpoint.network()))
                .mapToInt(PeerNetwork::listenPort).findFirst().orElse(-1);
        return port > 0 && isLocal(endpoint.address(), port);
    }

    private static boolean isLocal(InetSocketAddress address, int port) {
        if (address.getPort() != port) {
            return false;
        }
        InetAddress ip = address.getAddress();
        if (ip == null) {
            return false;
        }
        try {
            return ip.isAnyLocalAddress() || ip.isLoopbackAddress() || NetworkInterface.getByInetAddress(ip) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
