package net.p2pnet.agent.download;

import net.p2pnet.agent.storage.PieceLayout;

/**
 * What a download fetches, as a network needs it to check that a source offers the same content.
 *
 * @param infoHash    BitTorrent v1 info-hash, 40 lowercase hex digits
 * @param layout      size and pieces from the metainfo
 * @param ed2kRoot    the ed2k root the link named (32 hex digits), or null
 * @param statedSize  the size the link named, or -1
 */
public record WantedContent(String infoHash, PieceLayout layout, String ed2kRoot, long statedSize) {
}
