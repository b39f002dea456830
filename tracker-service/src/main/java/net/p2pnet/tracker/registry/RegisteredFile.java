package net.p2pnet.tracker.registry;

/**
 * One file of a registered torrent.
 *
 * @param ed2k lower-case hex ed2k (MD4) hash, or null when the torrent did not say
 */
public record RegisteredFile(String path, long size, String ed2k) {
}
