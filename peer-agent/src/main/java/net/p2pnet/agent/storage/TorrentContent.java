package net.p2pnet.agent.storage;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.p2pnet.model.torrent.InfoDictionary;
import net.p2pnet.model.torrent.InvalidTorrentException;
import net.p2pnet.model.torrent.TorrentFile;
import net.p2pnet.model.torrent.Metainfo;

/**
 * The part of a {@code .torrent} the transfer engine needs: identity, a safe name, the piece layout,
 * the files of a multi-file torrent and BEP 19 web seeds. The engine moves the torrent's byte stream
 * (all files back to back, as BEP 3 hashes them); a multi-file download is cut into its files once
 * complete ({@link MultiFileContent}).
 *
 * @param infoHash 40 lowercase hex digits
 * @param name     file name, or the directory of a multi-file torrent (one safe path component,
 *                 checked by {@link InfoDictionary})
 * @param layout   size, piece length and SHA-1 piece hashes
 * @param torrent  the raw torrent bytes
 * @param webSeeds BEP 19 {@code url-list} entries
 * @param files    the files of a multi-file torrent, below {@code name} (safe components, checked by
 *                 {@link TorrentFile}); empty for a single-file torrent
 */
public record TorrentContent(String infoHash, String name, PieceLayout layout, byte[] torrent, List<String> webSeeds,
                             List<TorrentFile> files) {

    public TorrentContent {
        torrent = torrent.clone();
        webSeeds = List.copyOf(webSeeds);
        files = List.copyOf(files);
    }

    public boolean isMultiFile() {
        return !files.isEmpty();
    }

    /**
     * Reads a torrent (shared-model's {@link Metainfo} validates structure and paths).
     *
     * @throws InvalidTorrentException naming what is wrong: not bencode, missing entries, unsafe paths
     */
    public static TorrentContent parse(byte[] torrent) {
        Metainfo metainfo = Metainfo.read(torrent);
        InfoDictionary info = metainfo.info();
        ByteArrayOutputStream hashes = new ByteArrayOutputStream(info.pieceCount() * 20);
        for (int i = 0; i < info.pieceCount(); i++) {
            hashes.writeBytes(info.pieceHash(i));
        }
        PieceLayout layout = new PieceLayout(info.totalLength(), info.pieceLength(), hashes.toByteArray());
        return new TorrentContent(metainfo.infoHash().hex(), info.name(), layout, torrent, metainfo.webSeeds(),
                info.isSingleFile() ? List.of() : info.files());
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
