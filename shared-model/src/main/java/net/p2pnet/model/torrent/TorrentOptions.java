package net.p2pnet.model.torrent;

import java.time.Instant;
import java.util.List;

/**
 * What {@link TorrentWriter} puts around the content: trackers (BEP 12 tiers; the first URL also
 * becomes {@code announce}), piece length, BEP 27 private flag, BEP 19 web seeds, comment, creator
 * and creation date (null leaves the field out).
 */
public record TorrentOptions(List<List<String>> announceTiers, int pieceLength, boolean privateTorrent,
        List<String> webSeeds, String comment, String createdBy, Instant creationDate) {

    /** mktorrent 1.1's default, {@code -l 18}: keeps our default info-hash equal to mktorrent's. */
    public static final int DEFAULT_PIECE_LENGTH_LOG2 = 18;
    /**
     * mktorrent 1.1 accepts {@code -l} from 15 (32 KiB) to 28 (256 MiB); we stop at 26, the
     * {@link InfoDictionary#MAX_PIECE_LENGTH} every reader accepts.
     */
    public static final int MIN_PIECE_LENGTH_LOG2 = 15;
    public static final int MAX_PIECE_LENGTH_LOG2 = 26;

    public TorrentOptions {
        announceTiers = announceTiers.stream().map(List::copyOf).filter(tier -> !tier.isEmpty()).toList();
        webSeeds = List.copyOf(webSeeds);
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be positive, was " + pieceLength);
        }
    }

    public static TorrentOptions defaults() {
        return new TorrentOptions(List.of(), 1 << DEFAULT_PIECE_LENGTH_LOG2, false, List.of(), null, null,
                Instant.now());
    }

    /** The piece length as mktorrent's {@code -l}: 2^log2 bytes, log2 from 15 to 26. */
    public static int pieceLengthOfLog2(int log2) {
        if (log2 < MIN_PIECE_LENGTH_LOG2 || log2 > MAX_PIECE_LENGTH_LOG2) {
            throw new IllegalArgumentException("the piece length exponent must be between " + MIN_PIECE_LENGTH_LOG2
                    + " and " + MAX_PIECE_LENGTH_LOG2 + ", was " + log2);
        }
        return 1 << log2;
    }

    public TorrentOptions withAnnounceTiers(List<List<String>> tiers) {
        return new TorrentOptions(tiers, pieceLength, privateTorrent, webSeeds, comment, createdBy, creationDate);
    }

    public TorrentOptions withPieceLength(int bytes) {
        return new TorrentOptions(announceTiers, bytes, privateTorrent, webSeeds, comment, createdBy, creationDate);
    }

    public TorrentOptions withPrivate(boolean flag) {
        return new TorrentOptions(announceTiers, pieceLength, flag, webSeeds, comment, createdBy, creationDate);
    }

    public TorrentOptions withWebSeeds(List<String> urls) {
        return new TorrentOptions(announceTiers, pieceLength, privateTorrent, urls, comment, createdBy, creationDate);
    }

    public TorrentOptions withComment(String text) {
        return new TorrentOptions(announceTiers, pieceLength, privateTorrent, webSeeds, text, createdBy, creationDate);
    }

    public TorrentOptions withCreatedBy(String creator) {
        return new TorrentOptions(announceTiers, pieceLength, privateTorrent, webSeeds, comment, creator, creationDate);
    }

    public TorrentOptions withCreationDate(Instant date) {
        return new TorrentOptions(announceTiers, pieceLength, privateTorrent, webSeeds, comment, createdBy, date);
    }
}
