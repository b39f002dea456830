package net.p2pnet.model.torrent;

import net.p2pnet.model.hash.ContentHashes;

/**
 * The {@code info} dictionary of a single-file torrent built from hashes already computed by
 * {@link net.p2pnet.model.hash.ContentHasher}, so a file hashed once (ed2k + SHA-1 + pieces) also
 * gets its info-hash without a second read. Built by {@link TorrentWriter#singleFileInfo}, hence the
 * same keys and info-hash as {@code torrent create} and mktorrent.
 */
public final class SingleFileInfo {

    private SingleFileInfo() {
    }

    public static InfoDictionary of(String name, ContentHashes hashes) {
        return TorrentWriter.singleFileInfo(name, hashes.size(), hashes.pieces(),
                TorrentOptions.defaults().withPieceLength(hashes.pieceLength()));
    }
}
