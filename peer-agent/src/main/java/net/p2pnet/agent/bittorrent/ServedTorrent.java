package net.p2pnet.agent.bittorrent;

import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.model.torrent.InfoDictionary;
import net.p2pnet.model.torrent.Metainfo;

/**
 * What a connection needs of the content it serves: the content, its BEP 27 private flag and the
 * raw info dictionary (BEP 9 serves exactly the bytes the info-hash covers).
 */
record ServedTorrent(ServedContent content, boolean privateTorrent, byte[] infoDictionary) {

    static ServedTorrent of(ServedContent content) {
        InfoDictionary info = Metainfo.read(content.torrent()).info();
        return new ServedTorrent(content, info.isPrivate(), info.dictionary().rawBytes());
    }

    int pieceCount() {
        return content.layout().pieceCount();
    }
}
