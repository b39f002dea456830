package net.p2pnet.tracker.registry;

import net.p2pnet.tracker.swarm.Key20;

/** A torrent with this info-hash is registered already. */
public class AlreadyRegisteredException extends RuntimeException {

    public AlreadyRegisteredException(Key20 infoHash) {
        super("torrent " + infoHash.hex() + " is already registered");
    }
}
