package net.p2pnet.agent.share;

import java.nio.file.Path;

/**
 * What hashing a shared file produced: its identity in both networks and the .torrent made for it.
 * {@code size} and {@code mtimeMillis} are the file's state when it was hashed (the cache key).
 */
public record FileHashes(Path path, long size, long mtimeMillis, String ed2kHash, byte[] ed2kHashset, String sha1,
                         String infoHash, byte[] torrent) {

    /** Whether the file on disk still is the one that was hashed. */
    boolean matches(long currentSize, long currentMtimeMillis) {
        return size == currentSize && mtimeMillis == currentMtimeMillis;
    }
}
