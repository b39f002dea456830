package net.p2pnet.model.api;

/** A file found by name on a tracker ({@code GET /api/v1/files?q=}), with its swarm counts. */
public record FileHit(String infoHash, String torrentName, String path, long size, String ed2k,
                      int seeders, int leechers, long completed) {
}
