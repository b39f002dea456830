package net.p2pnet.rendezvous.peer;

import java.time.Instant;
import net.p2pnet.model.api.PeerInfo;
import net.p2pnet.rendezvous.directory.DirectoryEntry;

/** A peer in the federated directory; also the federation wire format for peers. */
public record PeerRecord(String peerId, String name, String address, int port, String homeServer, Instant lastSeen,
        long version, boolean removed) implements DirectoryEntry {

    @Override
    public String key() {
        return peerId;
    }

    @Override
    public Instant refreshedAt() {
        return lastSeen;
    }

    @Override
    public boolean sameContent(DirectoryEntry other) {
        return other instanceof PeerRecord p && peerId.equals(p.peerId) && name.equals(p.name)
                && address.equals(p.address) && port == p.port && homeServer.equals(p.homeServer)
                && removed == p.removed;
    }

    public PeerInfo toInfo() {
        return new PeerInfo(peerId, name, address, port, lastSeen, homeServer);
    }
}
