package net.p2pnet.model.bencode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Strict bencode decoder (BEP 3). Written by hand because the Java bencode libraries we looked at
 * (bt-bencoding, ttorrent, java-bencode) accept non-canonical input, do not report byte offsets and
 * do not expose the raw bytes of a sub-dictionary, all three of which p2pnet needs.
 *
 * <p>Strict means only the canonical encoding is accepted: dictionary keys sorted as raw bytes and
 * unique, integers and string lengths without leading zeros, no {@code -0}, no empty integer, no
 * trailing data. Hence {@code encode(decode(x))} equals {@code x} for every accepted {@code x}, and
 * two peers that accept a torrent agree on its info-hash. Thread-safe; each call decodes anew.
 */
public final class BencodeDecoder {

    private final BencodeLimits limits;

    public BencodeDecoder(BencodeLimits limits) {
        this.limits = limits;
    }

    public BencodeDecoder() {
        this(BencodeLimits.DEFAULT);
    }

    /** Decodes exactly one value that spans the whole input. The input is copied, not kept. */
    public BencodeValue decode(byte[] input) {
        if (input.length > limits.maxInputLength()) {
            throw new BencodeException("input of " + input.length + " bytes exceeds the limit of "
                    + limits.maxInputLength(), limits.maxInputLength());
        }
        return new Cursor(input.clone(), limits).whole();
    }

    /** Reads the stream to its end (at most the input limit, else a BencodeException) and decodes it. */
    public BencodeValue decode(InputStream in) throws IOException {
        byte[] data = in.readNBytes(limits.maxInputLength());
        if (in.read() != -1) {
            throw new BencodeException("input exceeds the limit of " + limits.maxInputLength() + " bytes",
                    limits.maxInputLength());
        }
        return new Cursor(data, limits).whole();
    }

    /** Decodes and requires a dictionary at the top level, as a torrent or tracker response is. */
    public BDictionary decodeDictionary(byte[] input) {
        BencodeValue value = decode(input);
        if (value instanceof BDictionary dictionary) {
            return dictionary;
        }
        throw new BencodeException("expected a dictionary at the top level, found " + value.typeName(), 0);
    }

    /**
     * Decodes the dictionary at the start of {@code input} and allows bytes after it, as BEP 9
     * {@code ut_metadata} data messages append the raw piece after their dictionary. The
     * dictionary's {@code rawBytes().length} tells where the trailing bytes start.
     */
    public BDictionary decodeDictionaryPrefix(byte[] input) {
        if (input.length == 0) {
            throw new BencodeException("empty input", 0);
        }
        if (input.length > limits.maxInputLength()) {
            throw new BencodeException("input of " + input.length + " bytes exceeds the limit of "
                    + limits.maxInputLength(), limits.maxInputLength());
        }
        BencodeValue value = new Cursor(input.clone(), limits).value();
        if (value instanceof BDictionary dictionary) {
            return dictionary;
        }
        throw new BencodeException("expected a dictionary at the start, found " + value.typeName(), 0);
    }

    /** One pass over one input; keeps the position and the nesting depth. */
    private static final class Cursor {

        private final byte[] in;
        private final BencodeLimits limits;
        private int pos;
        private int depth;
        private int elements;

        Cursor(byte[] in, BencodeLimits limits) {
            this.in = in;
            this.limits = limits;
        }

        BencodeValue whole() {
            if (in.length == 0) {
                throw new BencodeException("empty input", 0);
            }
            BencodeValue value = value();
            if (pos != in.length) {
                throw new BencodeException("trailing data after the value (" + (in.length - pos) + " bytes)", pos);
            }
            return value;
        }

        private BencodeValue value() {
            int b = peek("a value");
            count();
            return switch (b) {
                case 'i' -> integer();
                case 'l' -> list();
                case 'd' -> dictionary();
                default -> {
                    if (b >= '0' && b <= '9') {
                        yield string();
                    }
                    throw new BencodeException("unexpected " + describe(b) + " where a value should start", pos);
                }
            };
        }

        private BInteger integer() {
            int start = pos++;
            long value = digits(start, 'e', true, "integer");
            return new BInteger(value, start);
        }

        private BString string() {
            int start = pos;
            long length = digits(start, ':', false, "string length");
            if (length > limits.maxStringLength()) {
                throw new BencodeException("byte string of " + length + " bytes exceeds the limit of "
                        + limits.maxStringLength(), start);
            }
            if (length > in.length - pos) {
                throw new BencodeException("truncated input: byte string of " + length + " bytes but only "
                        + (in.length - pos) + " remain", start);
            }
            byte[] bytes = Arrays.copyOfRange(in, pos, pos + (int) length);
            pos += (int) length;
            return BString.decoded(bytes, start);
        }

        private BList list() {
            int start = pos++;
            enter(start);
            List<BencodeValue> values = new ArrayList<>();
            while (peek("a list element or 'e'") != 'e') {
                values.add(value());
            }
            pos++;
            depth--;
            return new BList(values, start);
        }

        private BDictionary dictionary() {
            int start = pos++;
            enter(start);
            TreeMap<BString, BencodeValue> entries = new TreeMap<>();
            BString previous = null;
            while (peek("a dictionary key or 'e'") != 'e') {
                int keyAt = pos;
                int b = in[pos] & 0xff;
                if (b < '0' || b > '9') {
                    throw new BencodeException("dictionary key must be a byte string, found " + describe(b), keyAt);
                }
                count();
                BString key = string();
                checkOrder(previous, key, keyAt);
                if (peek("a value for key " + key) == 'e') {
                    throw new BencodeException("dictionary key " + key + " has no value", pos);
                }
                entries.put(key, value());
                previous = key;
            }
            pos++;
            depth--;
            return BDictionary.decoded(entries, in, start, pos);
        }

        private static void checkOrder(BString previous, BString key, int keyAt) {
            if (previous == null) {
                return;
            }
            int order = key.compareTo(previous);
            if (order == 0) {
                throw new BencodeException("duplicate dictionary key " + key, keyAt);
            }
            if (order < 0) {
                throw new BencodeException("dictionary key " + key + " is not sorted after " + previous, keyAt);
            }
        }

        /** One more object on the heap: refused past the element budget, before it is allocated. */
        private void count() {
            if (++elements > limits.maxElements()) {
                throw new BencodeException("more than " + limits.maxElements() + " elements", pos);
            }
        }

        private void enter(int at) {
            if (++depth > limits.maxDepth()) {
                throw new BencodeException("nesting deeper than " + limits.maxDepth() + " levels", at);
            }
        }

        /**
         * Parses a decimal number up to {@code terminator} (consumed). Rejects what BEP 3 forbids:
         * no digits, leading zeros, {@code -0}; and what would overflow a long.
         */
        private long digits(int start, char terminator, boolean signed, String what) {
            boolean negative = signed && peek(what) == '-';
            if (negative) {
                pos++;
            }
            int first = pos;
            long value = 0;
            int b;
            while ((b = peek(what + " terminated by '" + terminator + "'")) >= '0' && b <= '9') {
                if (value > (Long.MAX_VALUE - (b - '0')) / 10) {
                    throw new BencodeException(what + " does not fit in 64 bits", start);
                }
                value = value * 10 + (b - '0');
                pos++;
            }
            if (b != terminator) {
                throw new BencodeException("unexpected " + describe(b) + " in " + what, pos);
            }
            int count = pos - first;
            if (count == 0) {
                throw new BencodeException("empty " + what, start);
            }
            if (in[first] == '0' && count > 1) {
                throw new BencodeException(what + " has a leading zero", start);
            }
            if (negative && value == 0) {
                throw new BencodeException("negative zero is not a valid " + what, start);
            }
            pos++;
            return negative ? -value : value;
        }

        private int peek(String expected) {
            if (pos >= in.length) {
                throw new BencodeException("truncated input: expected " + expected, pos);
            }
            return in[pos] & 0xff;
        }

        private static String describe(int b) {
            return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
        }
    }
}
