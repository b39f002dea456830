package net.p2pnet.model.bencode;

/**
 * Bounds the decoder enforces so hostile input cannot exhaust memory or the stack. The input and
 * string limits bound the bytes; the element limit bounds the objects: every decoded value (and
 * every dictionary key) costs 40 to 120 bytes of heap while it takes as little as 2 bytes of input
 * ({@code de}), so 8 MB of empty dictionaries would otherwise need gigabytes. A byte string is
 * allocated only after its length is checked against the input that remains.
 *
 * @param maxInputLength  largest whole input accepted, in bytes
 * @param maxStringLength largest single byte string, in bytes
 * @param maxDepth        deepest nesting of lists and dictionaries (the top-level value is depth 1)
 * @param maxElements     most values plus dictionary keys in one input
 */
public record BencodeLimits(int maxInputLength, int maxStringLength, int maxDepth, int maxElements) {

    /** The decoder recurses once per level; beyond this a small thread stack could overflow. */
    public static final int MAX_SAFE_DEPTH = 512;

    /**
     * A {@code .torrent} file or a BEP 9 info dictionary: {@code Metainfo.MAX_TORRENT_BYTES}
     * (16 MiB, a {@code pieces} string for 800,000 pieces); metainfo nests 5 levels deep (top, info,
     * files, a file, its path); a file entry takes about 7 elements, so a million elements hold the
     * largest file list {@code InfoDictionary} accepts. Worst case about 120 MB of heap.
     */
    public static final BencodeLimits TORRENT = new BencodeLimits(16 * 1024 * 1024, 16 * 1024 * 1024, 32,
            1_000_000);

    /**
     * A tracker's announce or scrape answer: compact peers are one string; a BEP 3 peer list takes 7
     * elements per peer, and no tracker sends thousands. A scrape of many torrents stays far below.
     */
    public static final BencodeLimits TRACKER_RESPONSE = new BencodeLimits(2 * 1024 * 1024, 2 * 1024 * 1024, 16,
            100_000);

    /**
     * A BEP 10 extension message (handshake, BEP 11 PEX, BEP 9 {@code ut_metadata} header): a few
     * dozen keys; the peer wire caps a message at 1 MiB anyway.
     */
    public static final BencodeLimits EXTENSION_MESSAGE = new BencodeLimits(2 * 1024 * 1024, 1024 * 1024, 8,
            10_000);

    /** For {@link Bencode}'s convenience methods: the largest use, a torrent. */
    public static final BencodeLimits DEFAULT = TORRENT;

    public BencodeLimits {
        if (maxInputLength <= 0 || maxStringLength <= 0 || maxDepth <= 0 || maxElements <= 0) {
            throw new IllegalArgumentException("bencode limits must be positive: " + maxInputLength + ", "
                    + maxStringLength + ", " + maxDepth + ", " + maxElements);
        }
        if (maxDepth > MAX_SAFE_DEPTH) {
            throw new IllegalArgumentException("bencode depth limit " + maxDepth + " exceeds " + MAX_SAFE_DEPTH);
        }
    }
}
