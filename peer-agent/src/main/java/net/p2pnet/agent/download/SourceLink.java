package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Optional;
import net.p2pnet.model.hash.Ed2kHash;

/**
 * A connection to one source of one download, through one {@link PeerNetwork}. The engine runs
 * {@link #parallelism()} workers on it, each fetching whole pieces; the link pipelines as its protocol
 * allows. Pieces come back unverified: the engine checks every one.
 */
public interface SourceLink {

    /** Pieces the source can give now (a copy). */
    BitSet has();

    /** Whether the source has every piece (it will not gain any). */
    boolean complete();

    /** Workers the engine runs on this link (pieces requested at once). */
    int parallelism();

    /**
     * Fetches one piece.
     *
     * @param sink told of every block as it arrives (rate limits, counters); may throw to abort
     * @throws SourceBusyException when the source asks us to come back later
     * @throws IOException         when the piece could not be fetched (the engine fetches it elsewhere)
     */
    byte[] fetchPiece(int piece, int length, BlockSink sink) throws IOException, InterruptedException;

    /** The most consecutive pieces one {@link #fetchRun} asks for; 1 where every piece is its own request. */
    default int maxRun() {
        return 1;
    }

    /**
     * Fetches the consecutive pieces {@code first .. first + sizes.length - 1} (one request where the
     * protocol allows), handing each to {@code receiver} as soon as it is complete, in order.
     * {@code buffer} (heap or direct: the engine gives a direct one the part file can write from
     * without a copy) holds the largest piece and is reused from one piece to the next: the
     * receiver is done with the bytes when it returns. On failure, the pieces not yet received are
     * the caller's to give back.
     */
    default void fetchRun(int first, int[] sizes, ByteBuffer buffer, BlockSink sink, PieceReceiver receiver)
            throws IOException, InterruptedException {
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = fetchPiece(first + i, sizes[i], sink);
            receiver.received(first + i, ByteBuffer.wrap(data));
        }
    }

    /** {@link #fetchPiece} for a link whose requests are runs ({@link #fetchRun}): a run of one piece. */
    static byte[] fetchAsRun(SourceLink link, int piece, int length, BlockSink sink)
            throws IOException, InterruptedException {
        ByteBuffer data = ByteBuffer.allocate(length);
        link.fetchRun(piece, new int[] {length}, data, sink, (index, bytes) -> { });
        return data.array();
    }

    /** Learns what the source gained since (a network whose peers push news does nothing here). */
    default void refresh() throws IOException, InterruptedException {
    }

    /** The ed2k hashset the source states for the content, when its network carries one. */
    default Optional<Ed2kHash> ed2kHashset() {
        return Optional.empty();
    }

    /**
     * A better way to reach the same source (a BitTorrent peer that is a p2pnet agent names its native
     * transfer port): the engine then uses that endpoint and drops this link.
     */
    default Optional<SourceEndpoint> upgrade() {
        return Optional.empty();
    }

    /** Other sources this one knows for the content (source exchange, peer exchange). */
    default java.util.List<SourceEndpoint> otherSources() throws InterruptedException {
        return java.util.List.of();
    }

    /** Whether the network counts received payload in {@code p2pnet_agent_bytes_total} itself. */
    default boolean metersItself() {
        return false;
    }

    boolean isOpen();

    void close(String reason);

    /** Takes one fetched piece: the {@code data} between its position and limit, valid only during the call. */
    @FunctionalInterface
    interface PieceReceiver {
        void received(int piece, ByteBuffer data) throws InterruptedException;
    }

    /** Receives a block's byte count before it is taken; may block (rate limits) or throw (stop). */
    @FunctionalInterface
    interface BlockSink {
        void received(int bytes) throws InterruptedException;
    }
}
