package net.p2pnet.model.api;

import java.util.List;

/**
 * Where a file with a given ed2k hash can be fetched ({@code GET /api/v1/files/ed2k/{hash}}): every
 * registered torrent that contains it and the live peers of each, the eDonkey-server "sources" answer.
 */
public record Ed2kLocation(String ed2k, List<Match> matches) {

    /** One torrent holding the file. */
    public record Match(String infoHash, String torrentName, String path, long size, List<PeerSource> sources) {
    }
}
