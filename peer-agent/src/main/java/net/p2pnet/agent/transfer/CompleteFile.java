package net.p2pnet.agent.transfer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import net.p2pnet.agent.storage.FileTransfer;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.storage.TorrentContent;
import net.p2pnet.model.hash.Ed2kHash;

/** A shared file served whole: every piece counts as verified (sharing hashed it). */
final class CompleteFile implements ServedContent {

    private final SharedContent shared;
    private final TorrentContent torrent;
    private final BitSet all;
    private final Set<InetSocketAddress> sources = ConcurrentHashMap.newKeySet();
    private final LongConsumer uploads;
    private FileChannel channel;

    CompleteFile(SharedContent shared, LongConsumer uploads) {
        this.shared = shared;
        this.uploads = uploads;
        this.torrent = TorrentContent.parse(shared.torrent());
        if (!torrent.infoHash().equals(shared.infoHash())) {
            throw new IllegalArgumentException("the torrent of " + shared.file() + " has info-hash " + torrent.infoHash()
                    + ", not " + shared.infoHash());
        }
        this.all = new BitSet();
        all.set(0, torrent.layout().pieceCount());
    }

    @Override
    public String infoHash() {
        return shared.infoHash();
    }

    @Override
    public String name() {
        return torrent.name();
    }

    @Override
    public PieceLayout layout() {
        return torrent.layout();
    }

    /** The size the sharer states; downloaders check it against the link and never use a source that disagrees. */
    @Override
    public long size() {
        return shared.size();
    }

    @Override
    public byte[] torrent() {
        return shared.torrent();
    }

    @Override
    public Ed2kHash ed2k() {
        return shared.ed2k();
    }

    @Override
    public BitSet verifiedPieces() {
        return (BitSet) all.clone();
    }

    /** One channel for all readers (positional reads are thread-safe); reopened if an interrupt closed it. */
    @Override
    public int read(long offset, ByteBuffer into) throws IOException {
        try {
            return Math.max(0, channel().read(into, offset));
        } catch (ClosedChannelException e) {
            return Math.max(0, channel().read(into, offset));
        }
    }

    @Override
    public void transferTo(long offset, long count, WritableByteChannel target) throws IOException {
        FileTransfer.send(channel(), offset, count, target);
    }

    private synchronized FileChannel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(shared.file(), StandardOpenOption.READ);
        }
        return channel;
    }

    /** Releases the file (withdrawn or replaced). */
    synchronized void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing is written through this channel: closing cannot lose data
        }
    }

    @Override
    public Collection<InetSocketAddress> knownSources() {
        return List.copyOf(sources);
    }

    @Override
    public void noteSource(InetSocketAddress source) {
        if (sources.size() < MAX_KNOWN_SOURCES) {
            sources.add(source);
        }
    }

    @Override
    public void uploaded(long bytes) {
        uploads.accept(bytes);
    }
}
