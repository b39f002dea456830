package net.p2pnet.tracker.registry;

import net.p2pnet.tracker.swarm.Key20;

/** No torrent with this info-hash is registered. */
public class NotRegisteredException extends RuntimeException {

    public NotRegisteredException(Key20 infoHash) {
        super("torrent " + infoHash.hex() + " is not registered");
    }
}
