package net.p2pnet.agent.download;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import net.p2pnet.agent.transfer.TransferServer;
import org.springframework.stereotype.Component;

/** Recognises this agent's own transfer port among sources (trackers and source exchange list us too). */
@Component
class SelfAddress {

    private final TransferServer server;

    SelfAddress(TransferServer server) {
        this.server = server;
    }

    boolean isSelf(InetSocketAddress address) {
        if (address.getPort() != server.port()) {
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
