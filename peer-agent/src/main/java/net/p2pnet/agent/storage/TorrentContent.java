package net.p2pnet.agent.storage;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.p2pnet.model.torrent.InfoDictionary;
import net.p2pnet.model.torrent.InvalidTorrentException;
import net.p2pnet.model.torrent.Metainfo;

/**
 * The part of a single-file {@code .torrent} the transfer engine needs: identity, a safe file name,
 * the piece layout and BEP 19 web seeds.
 *
 * @param infoHash 40 lowercase hex digits
 * @param name     file name (one safe path component, checked by {@link InfoDictionary})
 * @param layout   size, piece length and SHA-1 piece hashes
 * @param torrent  the raw torrent bytes
 * @param webSeeds BEP 19 {@code url-list} entries
 */
public record TorrentContent(String infoHash, String name, PieceLayout layout, byte[] torrent, List<String> webSeeds) {

    public TorrentContent {
        torrent = torrent.clone();
        webSeeds = List.copyOf(webSeeds);
    }

    /**
     * Reads a torrent (shared-model's {@link Metainfo} validates structure and paths).
     *
     * @throws InvalidTorrentException naming what is wrong: not bencode, missing entries, unsafe paths, or
     *                                 a multi-file torrent (the agent shares and fetches single files)
     */
    public static TorrentContent parse(byte[] torrent) {
        Metainfo metainfo = Metainfo.read(torrent);
        InfoDictionary info = metainfo.info();
        if (!info.isSingleFile()) {
            throw new InvalidTorrentException("multi-file torrents are not supported by the agent (it shares single files)");
        }
        ByteArrayOutputStream hashes = new ByteArrayOutputStream(info.pieceCount() * 20);
        for (int i = 0; i < info.pieceCount(); i++) {
            hashes.writeBytes(info.pieceHash(i));
        }
        PieceLayout layout = new PieceLayout(info.totalLength(), info.pieceLength(), hashes.toByteArray());
        return new TorrentContent(metainfo.infoHash().hex(), info.name(), layout, torrent, metainfo.webSeeds());
    }

    @Override
    public byte[] torrent() {
        return torrent.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TorrentContent t && infoHash.equals(t.infoHash) && Arrays.equals(torrent, t.torrent);
    }

    @Override
    public int hashCode() {
        return infoHash.hashCode();
    }

    @Override
    public String toString() {
        return "TorrentContent[" + infoHash + ", " + name + ", " + layout + "]";
    }
}
