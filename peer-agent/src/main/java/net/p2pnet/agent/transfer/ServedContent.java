package net.p2pnet.agent.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.BitSet;
import java.util.Collection;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.model.hash.Ed2kHash;

/**
 * Content the transfer port can serve: a complete shared file, or a download in progress that
 * serves only its verified pieces. Implementations are thread-safe.
 */
public interface ServedContent {

    /** The buffer of the copying {@link #transferTo}. */
    int COPY_BUFFER = 64 * 1024;

    String infoHash();

    String name();

    PieceLayout layout();

    /** The size announced to peers (normally the layout's). */
    default long size() {
        return layout().size();
    }

    /** The raw {@code .torrent}. */
    byte[] torrent();

    /** The ed2k root and MD4 chunk hashset, or null while not known (a download that has not learnt it yet). */
    Ed2kHash ed2k();

    /** Pieces that passed verification and are durably on disk. */
    BitSet verifiedPieces();

    default boolean isComplete() {
        return verifiedPieces().cardinality() == layout().pieceCount();
    }

    /**
     * Reads content bytes from {@code offset} into {@code into} (up to its remaining space). The
     * caller has checked the range lies within verified pieces.
     *
     * @return bytes read
     */
    int read(long offset, ByteBuffer into) throws IOException;

    /**
     * Writes all {@code count} content bytes at {@code offset} to {@code target} (blocking). The
     * caller has checked the range lies within verified pieces. This default copies through a
     * buffer; a content held in one file lets the kernel copy ({@code sendfile}) instead.
     */
    default void transferTo(long offset, long count, WritableByteChannel target) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, COPY_BUFFER));
        long done = 0;
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int read = read(offset + done, buffer);
            if (read <= 0) {
                throw new EOFException("content of " + infoHash() + " ended at " + (offset + done));
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
            done += read;
        }
    }

    /**
     * The most sources kept per file (learnt from requests and source exchange) and taken from one
     * peer's list: peers send them, so they are budgeted like anything else peers send.
     */
    int MAX_KNOWN_SOURCES = 200;

    /** Other agents' transfer addresses that hold (part of) this content, for source exchange. */
    Collection<InetSocketAddress> knownSources();

    /** Records an agent that asked for this content and listens on a transfer port (up to {@link #MAX_KNOWN_SOURCES}). */
    void noteSource(InetSocketAddress source);

    /** Counts bytes served of this content (announces report them). */
    default void uploaded(long bytes) {
    }
}
