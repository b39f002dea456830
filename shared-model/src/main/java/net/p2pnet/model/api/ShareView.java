package net.p2pnet.model.api;

/**
 * A shared file as the agent's control API shows it ({@code GET /api/v1/shares}).
 * {@code progress} is 0..1 while hashing; the hashes and links are null until hashed.
 * {@code uploaded} counts the bytes of this file served to others, kept across restarts.
 */
public record ShareView(String path, String name, long size, ShareState state, double progress,
                        String infoHash, String ed2kLink, String magnet, String error, long uploaded) {
}
