package net.p2pnet.agent.download;

/**
 * How far a download is, in the terms a BitTorrent announce (BEP 3) reports them.
 *
 * @param downloaded payload bytes received so far (verified or not)
 * @param uploaded   payload bytes served to other peers for this content
 * @param left       bytes still missing (0 once complete: the agent then announces as a seed). Before
 *                   the metainfo of a magnet is known the size is not: {@link #UNKNOWN_LEFT} then
 *                   stands for "not a seed", because trackers give seeds no other seeds.
 */
public record DownloadProgress(long downloaded, long uploaded, long left) {

    /** One block: what clients announce as left while they fetch a magnet's metadata. */
    public static final long UNKNOWN_LEFT = 16 * 1024;
    public DownloadProgress {
        if (downloaded < 0 || uploaded < 0 || left < 0) {
            throw new IllegalArgumentException("progress counters must not be negative");
        }
    }
}
