package net.p2pnet.agent.share;

import java.time.Instant;
import java.util.List;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.hash.ContentHashes;
import net.p2pnet.model.torrent.InfoDictionary;
import net.p2pnet.model.torrent.Metainfo;

/**
 * Makes the single-file .torrent of a shared file from the piece hashes computed in the same pass
 * as the ed2k hashes. {@code TorrentWriter} would read the file a second time, which for big shares
 * costs as much as the hashing itself; the info dictionary is built with the same keys as
 * mktorrent (BEP 3 single-file form, BEP 27 {@code private}), so the info-hash is the same.
 */
final class TorrentMaker {

    private TorrentMaker() {
    }

    static Metainfo make(String name, ContentHashes hashes, String announceUrl, boolean privateTorrent) {
        BDictionary.Builder info = BDictionary.builder()
                .put("length", hashes.size())
                .put("name", name)
                .put("piece length", hashes.pieceLength())
                .put("pieces", hashes.pieces());
        if (privateTorrent) {
            info.put("private", 1);
        }
        return new Metainfo(InfoDictionary.of(info.build()), announceUrl, List.of(), List.of(), null, "p2pnet agent",
                Instant.now());
    }

    /** The same torrent announcing to {@code announceUrl} (another passkey, another tracker). */
    static byte[] withAnnounce(byte[] torrent, String announceUrl) {
        Metainfo cached = Metainfo.read(torrent);
        return new Metainfo(cached.info(), announceUrl, List.of(), List.of(), null, "p2pnet agent",
                cached.creationDate().orElse(null)).toBytes();
    }
}
