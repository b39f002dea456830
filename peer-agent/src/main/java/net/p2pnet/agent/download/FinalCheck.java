package net.p2pnet.agent.download;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.storage.TorrentContent;
import net.p2pnet.model.hash.ContentHasher;
import net.p2pnet.model.hash.ContentHashes;
import net.p2pnet.model.hash.Ed2kHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a download counts as complete, the whole file is hashed once more from disk (one pass:
 * every SHA-1 piece and the ed2k root, through shared-model's parallel hasher) and only then moved
 * into the download directory. This catches what piece-by-piece checks cannot: a disk that returns
 * other bytes than were written, or pieces verified by an earlier run.
 */
final class FinalCheck {

    private static final Logger log = LoggerFactory.getLogger(FinalCheck.class);

    private final Download download;

    FinalCheck(Download download) {
        this.download = download;
    }

    /**
     * True when the file is right; otherwise the bad pieces are reopened (or the download failed).
     * With an ed2k hashset, the chunks already checked with MD4 were read back from the part file
     * when their last piece was written, so only the others are read again; without one, the whole
     * file is.
     */
    boolean passes(PartialFile file) {
        return download.chunkChecks().exclusively(() -> {
            Ed2kHash ed2k = download.hashset().current(); // read after the checks in progress: one of them may have dropped it
            return ed2k != null ? remainingChunksPass(file, ed2k) : wholeFilePasses(file);
        });
    }

    private boolean remainingChunksPass(PartialFile file, Ed2kHash ed2k) {
        BitSet bad;
        try {
            bad = download.chunkChecks().checkRest(file, ed2k);
        } catch (IOException e) {
            download.storageFailed(e);
            return false;
        }
        if (!bad.isEmpty()) {
            // the chunks' pieces all passed SHA-1 when they arrived: the disk gave back other bytes, or
            // the hashset is wrong; the full pass below tells which pieces are bad
            download.hashset().drop();
            return wholeFilePasses(file);
        }
        return true;
    }

    private boolean wholeFilePasses(PartialFile file) {
        PieceLayout layout = file.layout();
        ContentHashes hashes;
        try (ContentHasher hasher = new ContentHasher(2)) {
            hashes = hasher.hash(file.path(), layout.pieceLength(), (done, total) -> { });
        } catch (IOException e) {
            download.storageFailed(e);
            return false;
        }
        BitSet bad = new BitSet();
        for (int i = 0; i < layout.pieceCount(); i++) {
            if (!layout.matches(i, hashes.pieceHash(i))) {
                bad.set(i);
            }
        }
        if (!bad.isEmpty()) {
            log.warn("download {}: final check found {} bad pieces on disk; fetching them again", download.id(),
                    bad.cardinality());
            reopen(file, bad);
            return false;
        }
        return ed2kAgrees(hashes.ed2k());
    }

    private boolean ed2kAgrees(Ed2kHash actual) {
        String expected = download.spec().ed2kHash();
        Ed2kHash adopted = download.hashset().current();
        if (expected != null && !actual.hex().equalsIgnoreCase(expected)) {
            download.failed("the file matches every SHA-1 piece but its ed2k hash is " + actual.hex() + ", not the link's "
                    + expected);
            return false;
        }
        if (adopted != null && !adopted.equals(actual)) {
            log.warn("download {}: the ed2k hashset from {} was wrong; the file's is {}", download.id(),
                    download.hashset().from(), actual.hex());
            download.hashset().drop();
        }
        download.hashset().adopt(actual, "final check");
        return true;
    }

    private void reopen(PartialFile file, BitSet bad) {
        try {
            file.unverify(bad);
            download.board().reopen(bad);
        } catch (IOException e) {
            download.storageFailed(e);
        }
    }

    void moveIntoPlace(PartialFile file) {
        try {
            TorrentContent content = download.content();
            Path target = download.env().downloadDir().resolve(content.name());
            download.completed(content.isMultiFile() ? file.completeAsFiles(target, content.files())
                    : file.completeTo(target));
        } catch (IOException e) {
            download.storageFailed(e);
        }
    }
}
