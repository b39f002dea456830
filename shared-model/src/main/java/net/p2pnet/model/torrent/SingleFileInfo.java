package net.p2pnet.model.torrent;

import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.hash.ContentHashes;

/**
 * The {@code info} dictionary of a single-file torrent built from hashes already computed by
 * {@link net.p2pnet.model.hash.ContentHasher}, so a file hashed once (ed2k + SHA-1 + pieces) also
 * gets its info-hash without a second read. Same keys as {@link TorrentWriter} and mktorrent
 * ({@code length}, {@code name}, {@code piece length}, {@code pieces}), hence the same info-hash.
 */
public final class SingleFileInfo {

    private SingleFileInfo() {
    }

    public static InfoDictionary of(String name, ContentHashes hashes) {
        return InfoDictionary.of(BDictionary.builder()
                .put("name", name)
                .put("piece length", hashes.pieceLength())
                .put("pieces", hashes.pieces())
                .put("length", hashes.size())
                .build());
    }
}
