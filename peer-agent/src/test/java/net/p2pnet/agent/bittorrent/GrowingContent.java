package net.p2pnet.agent.bittorrent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.model.hash.Ed2kHash;
import net.p2pnet.model.torrent.InfoDictionary;
import net.p2pnet.model.torrent.Metainfo;

/** A download in progress as the catalog serves it: a real file whose verified pieces the test grows. */
final class GrowingContent implements ServedContent {

    private final byte[] torrent;
    private final InfoDictionary info;
    private final Path file;
    private final BitSet verified = new BitSet();

    GrowingContent(byte[] torrent, Path file) {
        this.torrent = torrent.clone();
        this.info = Metainfo.read(torrent).info();
        this.file = file;
    }

    synchronized void verify(int piece) {
        verified.set(piece);
    }

    @Override
    public String infoHash() {
        return info.infoHash().hex();
    }

    @Override
    public String name() {
        return info.name();
    }

    @Override
    public PieceLayout layout() {
        byte[] hashes = new byte[20 * info.pieceCount()];
        for (int i = 0; i < info.pieceCount(); i++) {
            System.arraycopy(info.pieceHash(i), 0, hashes, 20 * i, 20);
        }
        return new PieceLayout(info.totalLength(), info.pieceLength(), hashes);
    }

    @Override
    public byte[] torrent() {
        return torrent.clone();
    }

    @Override
    public Ed2kHash ed2k() {
        return null;
    }

    @Override
    public synchronized BitSet verifiedPieces() {
        return (BitSet) verified.clone();
    }

    @Override
    public int read(long offset, ByteBuffer into) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return channel.read(into, offset);
        }
    }

    @Override
    public Collection<InetSocketAddress> knownSources() {
        return List.of();
    }

    @Override
    public void noteSource(InetSocketAddress source) {
    }
}
