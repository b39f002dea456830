package net.p2pnet.tracker.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a bencoded (BEP 3) tracker reply straight into a reusable byte array. The shared
 * {@code net.p2pnet.model.bencode} codec builds a value tree first, which is right for torrents but
 * costs several objects per peer on the announce path, the tracker's hottest loop; here the caller
 * writes keys in sorted order itself and nothing but one array is allocated per reply. (No
 * thread-local reuse: requests run on fresh virtual threads, where it would not be reused.)
 */
public final class ReplyBuffer {

    private byte[] bytes = new byte[512];
    private int length;

    private ReplyBuffer() {
    }

    public static ReplyBuffer create() {
        return new ReplyBuffer();
    }

    public ReplyBuffer dict() {
        return raw('d');
    }

    public ReplyBuffer list() {
        return raw('l');
    }

    public ReplyBuffer end() {
        return raw('e');
    }

    /** An ASCII string, e.g. a dictionary key. */
    public ReplyBuffer text(String ascii) {
        return string(ascii.getBytes(StandardCharsets.UTF_8));
    }

    public ReplyBuffer string(byte[] value) {
        return string(value, 0, value.length);
    }

    public ReplyBuffer string(byte[] value, int offset, int count) {
        decimal(count);
        raw(':');
        ensure(count);
        System.arraycopy(value, offset, bytes, length, count);
        length += count;
        return this;
    }

    /** Starts a byte string of a known length whose bytes the caller then appends with {@link #append}. */
    public ReplyBuffer stringHeader(int count) {
        decimal(count);
        return raw(':');
    }

    public ReplyBuffer append(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
        return this;
    }

    public ReplyBuffer integer(long value) {
        raw('i');
        decimal(value);
        return raw('e');
    }

    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void decimal(long value) {
        if (value < 0) {
            raw('-');
            value = -value;
        }
        if (value < 10) {
            raw((char) ('0' + value));
            return;
        }
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    private ReplyBuffer raw(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
