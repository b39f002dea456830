package net.p2pnet.model.api;

import java.util.List;

/**
 * Body of {@code POST /api/v1/downloads}: a magnet, ed2k or http(s) .torrent link, optional mirror
 * URLs (HTTP web seeds used for pieces no peer delivers in time) and optional known sources
 * ({@code host:port} of agents' transfer ports).
 */
public record AddDownloadRequest(String link, List<String> mirrors, List<String> sources) {
    public AddDownloadRequest {
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
