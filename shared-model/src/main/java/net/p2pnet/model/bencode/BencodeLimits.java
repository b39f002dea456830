package net.p2pnet.model.bencode;

/**
 * Bounds the decoder enforces so hostile input cannot exhaust memory or the stack.
 *
 * @param maxInputLength  largest whole input accepted, in bytes
 * @param maxStringLength largest single byte string, in bytes
 * @param maxDepth        deepest nesting of lists and dictionaries (the top-level value is depth 1)
 */
public record BencodeLimits(int maxInputLength, int maxStringLength, int maxDepth) {

    /**
     * Generous for any real torrent or tracker response: a 1 TiB torrent with 256 KiB pieces has an
     * 80 MB {@code pieces} string, but such torrents use bigger pieces; metainfo nests 4 levels deep.
     */
    public static final int MAX_SAFE_DEPTH = 512;

    public static final BencodeLimits DEFAULT = new BencodeLimits(64 << 20, 64 << 20, 64);

    public BencodeLimits {
        if (maxInputLength <= 0 || maxStringLength <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("bencode limits must be positive: " + maxInputLength + ", "
                    + maxStringLength + ", " + maxDepth);
        }
        if (maxDepth > MAX_SAFE_DEPTH) {
            // The decoder recurses once per level; beyond this a small thread stack could overflow.
            throw new IllegalArgumentException("bencode depth limit " + maxDepth + " exceeds " + MAX_SAFE_DEPTH);
        }
    }
}
