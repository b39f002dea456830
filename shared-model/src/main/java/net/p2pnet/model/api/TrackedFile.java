package net.p2pnet.model.api;

/**
 * One file of a torrent registered on a tracker.
 *
 * @param path path inside the torrent ({@code /}-separated; the name itself for single-file torrents)
 * @param ed2k lower-case hex ed2k hash when known, else null
 */
public record TrackedFile(String path, long size, String ed2k) {
}
