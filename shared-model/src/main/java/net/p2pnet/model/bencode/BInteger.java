package net.p2pnet.model.bencode;

/**
 * A bencode integer. BEP 3 sets no bound; every integer BitTorrent uses (sizes, intervals, dates)
 * fits a signed 64-bit long, and the decoder rejects anything larger rather than losing precision.
 */
public record BInteger(long value, int offset) implements BencodeValue {

    public static BInteger of(long value) {
        return new BInteger(value, -1);
    }

    @Override
    public String typeName() {
        return "integer";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BInteger other && other.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
