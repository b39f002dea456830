package net.p2pnet.model.api;

import java.util.List;

/**
 * A download as the agent's control API shows it ({@code GET /api/v1/downloads/{id}}).
 * {@code verifiedBytes} counts only pieces that passed SHA-1 and MD4; {@code downloadedBytes} all
 * payload received, including pieces later discarded.
 */
public record DownloadView(String id, String name, long size, DownloadState state, long verifiedBytes,
                           long downloadedBytes, int piecesFailed, String path, String error,
                           List<SourceView> sources, String infoHash, String ed2kHash,
                           long downloadRate, long uploadRate) {
    public DownloadView {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
