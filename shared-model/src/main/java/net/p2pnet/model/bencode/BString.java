package net.p2pnet.model.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.p2pnet.model.text.Excerpt;

/**
 * A bencode byte string. The content is raw bytes (torrent {@code pieces}, compact peers, names in
 * any encoding); {@link #asUtf8()} is only a view. Immutable: the array is copied in and out.
 * Ordering is unsigned byte-wise, the order BEP 3 requires for dictionary keys.
 */
public final class BString implements BencodeValue, Comparable<BString> {

    private final byte[] bytes;
    private final int offset;

    private BString(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.offset = offset;
    }

    public static BString of(byte[] bytes) {
        return new BString(bytes.clone(), -1);
    }

    public static BString of(String utf8) {
        return new BString(utf8.getBytes(StandardCharsets.UTF_8), -1);
    }

    /** For the decoder: takes ownership of {@code bytes}. */
    static BString decoded(byte[] bytes, int offset) {
        return new BString(bytes, offset);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** The bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String asUtf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether the bytes are well-formed UTF-8, e.g. before trusting {@link #asUtf8()} for a file name. */
    public boolean isValidUtf8() {
        return Arrays.equals(asUtf8().getBytes(StandardCharsets.UTF_8), bytes);
    }

    /** Package-private zero-copy access for the encoder. */
    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public int offset() {
        return offset;
    }

    @Override
    public String typeName() {
        return "byte string";
    }

    @Override
    public int compareTo(BString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /**
     * Printable text as is, binary content as hex (a {@code pieces} blob must not garble a log), a
     * long value cut to its start and length: error messages quote keys and values with this, and a
     * 30 MB key must not become a 60 MB message.
     */
    @Override
    public String toString() {
        int kept = Math.min(bytes.length, Excerpt.MAX_CHARS);
        while (kept > 0 && kept < bytes.length && (bytes[kept] & 0xc0) == 0x80) {
            kept--; // cut between UTF-8 characters, not inside one
        }
        byte[] head = Arrays.copyOf(bytes, kept);
        String text = new String(head, StandardCharsets.UTF_8);
        boolean printable = Arrays.equals(text.getBytes(StandardCharsets.UTF_8), head)
                && text.chars().noneMatch(Character::isISOControl);
        if (!printable) {
            return "0x" + Excerpt.hex(bytes);
        }
        return '"' + text + '"' + (kept < bytes.length ? "…(" + bytes.length + " bytes)" : "");
    }
}
