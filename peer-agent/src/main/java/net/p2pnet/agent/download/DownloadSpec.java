package net.p2pnet.agent.download;

import java.util.List;

/**
 * What a download was asked to fetch, as persisted so a restart resumes it.
 *
 * @param id           the download id
 * @param createdAt    epoch milliseconds
 * @param link         the link it was added with (null when added from torrent bytes)
 * @param infoHash     BitTorrent info-hash, lowercase hex, or null until known (ed2k link)
 * @param ed2kHash     ed2k root from the link, lowercase hex, or null (torrent, magnet)
 * @param size         size from the link (ed2k links carry it), or -1
 * @param torrent      the raw torrent, or null until resolved
 * @param mirrors      HTTP mirror / web seed URLs given with the download
 * @param sources      explicit {@code host:port} sources given with the download
 * @param paused       whether the user paused it (a restart keeps it paused)
 */
public record DownloadSpec(String id, long createdAt, String link, String infoHash, String ed2kHash, long size,
                           byte[] torrent, List<String> mirrors, List<String> sources, boolean paused) {

    public DownloadSpec {
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    DownloadSpec withTorrent(byte[] raw, String hash) {
        return new DownloadSpec(id, createdAt, link, hash, ed2kHash, size, raw, mirrors, sources, paused);
    }

    DownloadSpec withPaused(boolean value) {
        return new DownloadSpec(id, createdAt, link, infoHash, ed2kHash, size, torrent, mirrors, sources, value);
    }
}
