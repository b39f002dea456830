package net.p2pnet.agent.download;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import net.p2pnet.agent.storage.MultiFileContent;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.storage.TorrentContent;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.model.hash.Ed2kHash;

/**
 * A download as the transfer port serves it (partial sharing): its verified pieces while it runs,
 * the finished file afterwards. Published in the {@link net.p2pnet.agent.transfer.ContentCatalog}
 * once the download's part file is open, so only when its metainfo is known.
 */
final class ServedDownload implements ServedContent {

    private final Download download;

    ServedDownload(Download download) {
        this.download = download;
    }

    private TorrentContent content() {
        return download.content();
    }

    @Override
    public String infoHash() {
        return download.infoHash();
    }

    @Override
    public String name() {
        return content().name();
    }

    @Override
    public PieceLayout layout() {
        return content().layout();
    }

    @Override
    public byte[] torrent() {
        return content().torrent();
    }

    @Override
    public Ed2kHash ed2k() {
        return download.hashset().current();
    }

    @Override
    public BitSet verifiedPieces() {
        if (download.completedPath() != null) {
            BitSet all = new BitSet();
            all.set(0, layout().pieceCount());
            return all;
        }
        PartialFile file = download.file();
        return file == null ? new BitSet() : file.verified();
    }

    @Override
    public int read(long offset, ByteBuffer into) throws IOException {
        Path done = download.completedPath();
        if (done != null) {
            TorrentContent content = content();
            return content.isMultiFile() ? MultiFileContent.read(done, content.files(), offset, into)
                    : PartialFile.readFile(done, offset, into);
        }
        return download.file().read(offset, into);
    }

    @Override
    public void transferTo(long offset, long count, WritableByteChannel target) throws IOException {
        PartialFile partial = download.file();
        if (download.completedPath() == null && partial != null) {
            partial.transferTo(offset, count, target);
        } else {
            ServedContent.super.transferTo(offset, count, target);
        }
    }

    @Override
    public Collection<InetSocketAddress> knownSources() {
        return download.sources().agentAddresses();
    }

    @Override
    public void noteSource(InetSocketAddress source) {
        download.sources().learnt(List.of(SourceEndpoint.p2pnet(source)));
    }

    @Override
    public void uploaded(long bytes) {
        download.counters().uploaded(bytes);
    }
}
