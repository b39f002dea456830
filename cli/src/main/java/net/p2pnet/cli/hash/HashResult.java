package net.p2pnet.cli.hash;

import net.p2pnet.model.hash.ContentHashes;
import net.p2pnet.model.link.Ed2kLink;
import net.p2pnet.model.link.MagnetLink;
import net.p2pnet.model.torrent.InfoHash;

/** What {@code p2pnet hash} reports for one file. */
record HashResult(ContentHashes hashes, Ed2kLink ed2kLink, InfoHash btih, MagnetLink magnet) {
}
