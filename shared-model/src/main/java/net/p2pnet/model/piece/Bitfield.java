package net.p2pnet.model.piece;

import java.util.BitSet;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Which pieces of a torrent (or chunks of a file) are present. On the wire (BEP 3 {@code bitfield}
 * message, resume files) the high bit of byte 0 is piece 0, and the spare bits of the last byte
 * must be zero: a peer that sets them is broken or hostile, and BEP 3 clients drop it.
 *
 * <p>Backed by a {@link BitSet} (whose own byte form is little-endian per byte, hence the explicit
 * conversion). Mutable and not thread-safe: guard it with the owner's lock.
 */
public final class Bitfield {

    private final int pieceCount;
    private final BitSet bits;

    public Bitfield(int pieceCount) {
        this(pieceCount, new BitSet(checkCount(pieceCount)));
    }

    private static int checkCount(int pieceCount) {
        if (pieceCount < 0) {
            throw new IllegalArgumentException("negative piece count " + pieceCount);
        }
        return pieceCount;
    }

    private Bitfield(int pieceCount, BitSet bits) {
        this.pieceCount = pieceCount;
        this.bits = bits;
    }

    /** All pieces present, as for a seed. */
    public static Bitfield full(int pieceCount) {
        Bitfield field = new Bitfield(pieceCount);
        field.bits.set(0, pieceCount);
        return field;
    }

    /** Number of bytes of the wire form for {@code pieceCount} pieces. */
    public static int byteLength(int pieceCount) {
        return (pieceCount + 7) >>> 3;
    }

    /**
     * Parses the wire form.
     *
     * @throws IllegalArgumentException if the length is not {@code ceil(pieceCount / 8)} or a spare bit is set
     */
    public static Bitfield fromBytes(byte[] wire, int pieceCount) {
        Bitfield field = new Bitfield(pieceCount);
        if (wire.length != byteLength(pieceCount)) {
            throw new IllegalArgumentException("a bitfield for " + pieceCount + " pieces has " + byteLength(pieceCount)
                    + " bytes, not " + wire.length);
        }
        for (int i = 0; i < wire.length; i++) {
            int b = wire[i] & 0xff;
            for (int bit = 0; b != 0; bit++, b = (b << 1) & 0xff) {
                if ((b & 0x80) != 0) {
                    field.setFromWire(i * 8 + bit);
                }
            }
        }
        return field;
    }

    private void setFromWire(int index) {
        if (index >= pieceCount) {
            throw new IllegalArgumentException("spare bit " + index + " is set in a bitfield of " + pieceCount
                    + " pieces");
        }
        bits.set(index);
    }

    /** The wire form: high bit of byte 0 is piece 0, spare bits zero. */
    public byte[] toBytes() {
        byte[] wire = new byte[byteLength(pieceCount)];
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            wire[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        }
        return wire;
    }

    public int pieceCount() {
        return pieceCount;
    }

    public boolean get(int index) {
        return bits.get(check(index));
    }

    public void set(int index) {
        bits.set(check(index));
    }

    public void clear(int index) {
        bits.clear(check(index));
    }

    /** How many pieces are present. */
    public int cardinality() {
        return bits.cardinality();
    }

    public boolean isComplete() {
        return cardinality() == pieceCount;
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** The first missing piece at or after {@code from}, or -1 if there is none. */
    public int nextMissing(int from) {
        int index = bits.nextClearBit(Math.max(0, from));
        return index < pieceCount ? index : -1;
    }

    /** The first present piece at or after {@code from}, or -1 if there is none. */
    public int nextPresent(int from) {
        return bits.nextSetBit(Math.max(0, from));
    }

    /** Indices of the present pieces, ascending. */
    public IntStream present() {
        return bits.stream();
    }

    /** Pieces present here and not in {@code mine}: what a peer with this field can give me. */
    public Bitfield missingFrom(Bitfield mine) {
        BitSet result = copyBits();
        result.andNot(sameSize(mine).bits);
        return new Bitfield(pieceCount, result);
    }

    /** Marks every piece present in {@code other} as present here. */
    public void addAll(Bitfield other) {
        bits.or(sameSize(other).bits);
    }

    public Bitfield copy() {
        return new Bitfield(pieceCount, copyBits());
    }

    private BitSet copyBits() {
        return (BitSet) bits.clone();
    }

    private Bitfield sameSize(Bitfield other) {
        if (other.pieceCount != pieceCount) {
            throw new IllegalArgumentException("bitfields of " + pieceCount + " and " + other.pieceCount
                    + " pieces do not combine");
        }
        return other;
    }

    private int check(int index) {
        if (index < 0 || index >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + pieceCount);
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bitfield other && other.pieceCount == pieceCount && other.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pieceCount, bits);
    }

    /** e.g. {@code Bitfield[3/10]}; the bits themselves would flood a log for big torrents. */
    @Override
    public String toString() {
        return "Bitfield[" + cardinality() + "/" + pieceCount + "]";
    }
}
