package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.model.hash.Ed2kHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a piece that arrived: SHA-1 check, durable write, MD4 check of any ed2k chunk it
 * completes. Bad data is dropped and its piece fetched again elsewhere; its source is held to account.
 */
final class PieceIntake {

    private static final Logger log = LoggerFactory.getLogger(PieceIntake.class);

    private final Download download;
    private final DownloadEnvironment env;
    /** A complete chunk not hashed yet, waiting for a partner (commit thread only); -1 when none. */
    private int heldChunk = -1;

    PieceIntake(Download download) {
        this.download = download;
        this.env = download.env();
    }

    /** Takes {@code data[0 .. length)}, the piece's bytes, and is done with them when it returns. */
    void accept(RemoteSource source, int piece, byte[] data, int length, byte[] sha1) {
        PieceBoard board = download.board();
        if (!download.layout().matches(piece, sha1)) {
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
        download.pieceOrigins().put(piece, source.network());
        try {
            file.write(piece, ByteBuffer.wrap(data, 0, length));
        } catch (IOException e) {
            BitSet lost = new BitSet();
            lost.set(piece);
            board.reopen(lost);
            download.storageFailed(e);
        }
    }

    /**
     * Pieces a commit made durable: the ed2k chunks they complete are checked first, then they count
     * on the board (so the download cannot be seen complete, and its file moved, while a check reads it).
     */
    void committed(BitSet pieces, PartialFile file) {
        checkChunks(pieces, file);
        download.board().verified(pieces);
        pieces.stream().forEach(piece -> {
            String network = download.pieceOrigins().remove(piece);
            env.metrics().pieceVerified(network == null ? "unknown" : network);
        });
    }

    private void rejectPiece(RemoteSource source, int piece) {
        download.pieceFailed();
        env.metrics().pieceFailed(source.network());
        download.board().failed(piece);
        log.info("download {}: piece {} from {} failed its SHA-1 check; fetching it again", download.id(), piece,
                source.key());
        if (source.badPiece(piece)) {
            env.metrics().sourceBanned(source.network());
            if (!source.isMirror()) {
                download.board().removeAvailability(source.has());
            }
            log.warn("download {}: banned source {} after {} bad pieces", download.id(), source.key(),
                    RemoteSource.BAN_AFTER_BAD_PIECES);
            source.closeLink("banned after " + RemoteSource.BAN_AFTER_BAD_PIECES + " pieces that failed their SHA-1 check");
        }
    }

    /**
     * MD4 of the chunks this commit completed. Chunks are hashed in pairs (see
     * {@link Ed2kChunkCheck#check}); a commit usually completes one chunk, so an odd one out waits for
     * the next commit's (unmarked meanwhile: if none comes, the final check hashes it).
     */
    private void checkChunks(BitSet pieces, PartialFile file) {
        Ed2kHash ed2k = download.ed2k();
        if (ed2k == null) {
            return;
        }
        BitSet checked = download.checkedChunks();
        List<Integer> due = new ArrayList<>(Ed2kChunkCheck.dueChunks(pieces, file, ed2k, checked));
        synchronized (checked) {
            if (heldChunk >= 0 && !checked.get(heldChunk) && heldChunk < ed2k.chunkCount()) {
                checked.set(heldChunk);
                due.add(heldChunk);
            }
            heldChunk = -1;
            if (due.size() % 2 == 1) {
                heldChunk = due.remove(due.size() - 1);
                checked.clear(heldChunk);
            }
        }
        try {
            BitSet bad = Ed2kChunkCheck.check(due, file, ed2k, checked);
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
        String liar = download.ed2kFrom();
        RemoteSource origin = liar == null ? null : download.sources().get(liar);
        env.metrics().pieceFailed(origin == null ? "unknown" : origin.network());
        if (download.spec().ed2kHash() != null) {
            download.failed("the torrent's pieces do not match the ed2k link's chunk hashes: they describe different files");
            return;
        }
        if (origin != null) {
            origin.reject("its ed2k hashset does not match the verified pieces");
        }
        download.dropHashset();
        log.warn("download {}: pieces {} passed SHA-1 but failed MD4 against the hashset from {}; dropped that hashset",
                download.id(), bad, liar);
    }
}
