package net.p2pnet.agent.share;

import java.nio.file.Path;
import net.p2pnet.model.api.ShareState;

/**
 * The current state of one shared file. Immutable: the library swaps entries, so a reader never
 * sees a half-updated one.
 *
 * @param hashes null until hashed
 * @param error  why hashing or publishing failed (state FAILED)
 */
record ShareEntry(Path path, long size, long mtimeMillis, ShareState state, double progress, FileHashes hashes,
                  String error) {

    static ShareEntry hashing(Path path, long size, long mtimeMillis) {
        return new ShareEntry(path, size, mtimeMillis, ShareState.HASHING, 0, null, null);
    }

    ShareEntry withProgress(double value) {
        return new ShareEntry(path, size, mtimeMillis, state, value, hashes, error);
    }

    ShareEntry shared(FileHashes result) {
        return new ShareEntry(path, size, mtimeMillis, ShareState.SHARED, 1, result, null);
    }

    ShareEntry failed(String reason) {
        return new ShareEntry(path, size, mtimeMillis, ShareState.FAILED, progress, hashes, reason);
    }

    boolean isFile(long currentSize, long currentMtimeMillis) {
        return size == currentSize && mtimeMillis == currentMtimeMillis;
    }
}
