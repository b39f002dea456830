package net.p2pnet.agent.download;

import java.util.Optional;

/**
 * Turns the identity in a magnet or ed2k link into the raw {@code .torrent} of the content (the
 * tracker registry's role). The engine asks every bean implementing this, then the sources given with
 * the download (their transfer port serves the torrent of what they share).
 */
public interface MetainfoResolver {

    /** The torrent whose info-hash is {@code infoHashHex} (40 lowercase hex digits), if known. */
    Optional<byte[]> byInfoHash(String infoHashHex);

    /** The torrent of the single file with this ed2k hash (32 lowercase hex digits) and size, if known. */
    Optional<byte[]> byEd2k(String ed2kHashHex, long size);
}
