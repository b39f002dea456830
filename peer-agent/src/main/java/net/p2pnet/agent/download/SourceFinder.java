package net.p2pnet.agent.download;

import java.util.List;

/**
 * Finds peers that may hold a file. The download engine asks every bean implementing this (tracker
 * announces, ed2k localisation...) in addition to the sources given with the download and those
 * learnt by source exchange. Called from the engine's own threads, again at the interval a finder
 * needs (a tracker's announce interval is the finder's business: it may answer from a cache).
 */
public interface SourceFinder {

    /**
     * @param infoHashHex the BitTorrent v1 info-hash, 40 lowercase hex digits
     * @param progress    what to report in an announce
     * @return endpoints of possible sources, each with the network to reach it through; empty when
     *         none are known (never null)
     */
    List<SourceEndpoint> findSources(String infoHashHex, DownloadProgress progress);
}
