package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.model.hash.Ed2kHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a piece that arrived: SHA-1 check, write, MD4 check of any ed2k chunk it completes
 * ({@link ChunkChecks}), and its count once a group commit made it durable. Bad data is dropped and
 * its piece fetched again elsewhere; its source is held to account. One per run of a download,
 * shared by its workers and its committer.
 */
final class PieceIntake {

    private static final Logger log = LoggerFactory.getLogger(PieceIntake.class);

    private final Download download;
    private final DownloadMetrics metrics;
    /** The network each written, not yet committed piece came through (for the metrics' labels). */
    private final Map<Integer, String> origins = new ConcurrentHashMap<>();

    PieceIntake(Download download) {
        this.download = download;
        this.metrics = download.env().metrics();
    }

    /** Takes the piece's bytes (the data's remaining ones) and is done with them when it returns. */
    void accept(RemoteSource source, int piece, ByteBuffer data, byte[] sha1) {
        PieceBoard board = download.board();
        if (!download.content().layout().matches(piece, sha1)) {
            rejectPiece(source, piece);
            return;
        }
        PartialFile file = download.file();
        // marked before writing (the committer may count the piece as soon as it is written); false for
        // an endgame duplicate whose first copy won
        if (file == null) {
            board.abandoned(piece);
            return;
        }
        if (!board.markWritten(piece)) {
            return;
        }
        origins.put(piece, source.network());
        try {
            file.write(piece, data.duplicate());
        } catch (IOException e) {
            BitSet lost = new BitSet();
            lost.set(piece);
            board.reopen(lost);
            download.storageFailed(e);
            return;
        }
        checkChunks(piece, file);
    }

    /** Pieces a commit made durable: they count on the board. */
    void committed(BitSet pieces) {
        download.board().verified(pieces);
        pieces.stream().forEach(piece -> {
            String network = origins.remove(piece);
            metrics.pieceVerified(network == null ? "unknown" : network);
        });
    }

    private void rejectPiece(RemoteSource source, int piece) {
        download.counters().pieceFailed();
        metrics.pieceFailed(source.network());
        download.board().failed(piece);
        log.info("download {}: piece {} from {} failed its SHA-1 check; fetching it again", download.id(), piece,
                source.key());
        if (source.badPiece(piece)) {
            metrics.sourceBanned(source.network());
            if (!source.isMirror()) {
                download.board().removeAvailability(source.has());
            }
            log.warn("download {}: banned source {} after {} bad pieces", download.id(), source.key(),
                    RemoteSource.BAN_AFTER_BAD_PIECES);
            source.closeLink("banned after " + RemoteSource.BAN_AFTER_BAD_PIECES + " pieces that failed their SHA-1 check");
        }
    }

    /** MD4 of the ed2k chunks this piece completed, if any (and if a hashset is known). */
    private void checkChunks(int piece, PartialFile file) {
        Ed2kHash ed2k = download.hashset().current();
        if (ed2k == null) {
            return;
        }
        try {
            BitSet bad = download.chunkChecks().afterWrite(piece, file, ed2k);
            if (!bad.isEmpty()) {
                chunkFailed(bad);
            }
        } catch (IOException e) {
            download.storageFailed(e);
        }
    }

    /**
     * Every piece of the chunk passed SHA-1 yet the chunk fails MD4: the pieces and the hashset
     * describe different content. With a hashset learnt from a source, that source lied: drop it and
     * its hashset (the pieces themselves are proven by SHA-1 and stay). With the root from the ed2k
     * link, the torrent itself is not that file.
     */
    private void chunkFailed(BitSet bad) {
        String liar = download.hashset().from();
        RemoteSource origin = download.sources().get(liar);
        metrics.pieceFailed(origin == null ? "unknown" : origin.network());
        if (download.spec().ed2kHash() != null) {
            download.failed("the torrent's pieces do not match the ed2k link's chunk hashes: they describe different files");
            return;
        }
        if (origin != null) {
            origin.reject("its ed2k hashset does not match the verified pieces");
        }
        download.hashset().drop();
        log.warn("download {}: pieces {} passed SHA-1 but failed MD4 against the hashset from {}; dropped that hashset",
                download.id(), bad, liar);
    }
}
