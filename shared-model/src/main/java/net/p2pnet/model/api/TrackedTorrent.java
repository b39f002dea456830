package net.p2pnet.model.api;

import java.time.Instant;
import java.util.List;

/**
 * A torrent registered on a tracker ({@code GET /api/v1/torrents}), with its live swarm counts.
 *
 * @param origin    {@code api} (uploaded) or {@code allowed-dir} (dropped in the watched directory)
 * @param completed downloads completed, counted once per peer
 */
public record TrackedTorrent(String infoHash, String name, long size, List<TrackedFile> files, Instant registeredAt,
                             String origin, int seeders, int leechers, long completed) {
}
