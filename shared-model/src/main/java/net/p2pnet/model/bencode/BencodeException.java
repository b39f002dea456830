package net.p2pnet.model.bencode;

/**
 * The one exception malformed bencode raises: what is wrong and the byte offset where it was found
 * (in the decoded input, or of the offending value for typed accessors; -1 when the value was built
 * in memory rather than decoded).
 */
public final class BencodeException extends RuntimeException {

    private final long offset;

    public BencodeException(String problem, long offset) {
        super(offset >= 0 ? problem + " at offset " + offset : problem);
        this.offset = offset;
    }

    /** Byte offset of the problem in the decoded input, or -1 when unknown. */
    public long offset() {
        return offset;
    }
}
