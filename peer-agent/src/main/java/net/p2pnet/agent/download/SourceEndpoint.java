package net.p2pnet.agent.download;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a source can be reached and through which network: trackers hand out BitTorrent listen
 * ports, while source exchange and explicit sources name agents' native transfer ports.
 */
public record SourceEndpoint(String network, InetSocketAddress address) {

    public SourceEndpoint {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(address, "address");
    }

    public static SourceEndpoint p2pnet(InetSocketAddress address) {
        return new SourceEndpoint(PeerNetwork.P2PNET, address);
    }

    public static SourceEndpoint bittorrent(InetSocketAddress address) {
        return new SourceEndpoint(PeerNetwork.BITTORRENT, address);
    }

    /** The key a download's source table uses: network and address. */
    public String key() {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
        return PeerNetwork.P2PNET.equals(network) ? hostPort : network + "://" + hostPort;
    }
}
