package net.p2pnet.model.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The binary layout inside tickets and passkeys: fixed-width numbers and length-prefixed UTF-8
 * strings (DataOutput's format). Hand-written because it is a dozen lines and keeps tokens compact
 * (a JSON payload would double their size in URLs and headers) without a serialisation dependency.
 */
final class TokenFields {

    /** Peer ids go into URLs and tokens: a conservative alphabet. */
    static final Pattern PEER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_TEXT = 128;

    private TokenFields() {
    }

    static String requirePeerId(String peerId) {
        if (peerId == null || !PEER_ID.matcher(peerId).matches()) {
            throw new IllegalArgumentException("peer id must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        return peerId;
    }

    static String requireText(String text, String what) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " must be 1-" + MAX_TEXT + " characters");
        }
        return text;
    }

    /** Writes fields into bytes. */
    static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        private final DataOutputStream out = new DataOutputStream(bytes);

        Writer writeByte(int value) {
            return run(() -> out.writeByte(value));
        }

        Writer writeLong(long value) {
            return run(() -> out.writeLong(value));
        }

        Writer writeText(String value) {
            return run(() -> out.writeUTF(value));
        }

        Writer writeRaw(byte[] value) {
            return run(() -> out.write(value));
        }

        byte[] toBytes() {
            return bytes.toByteArray();
        }

        private Writer run(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
            return this;
        }
    }

    /** Reads fields back; every shortfall or leftover is a MALFORMED {@link VerificationException}. */
    static final class Reader {
        private final DataInputStream in;
        private final String what;

        Reader(byte[] bytes, String what) {
            this.in = new DataInputStream(new ByteArrayInputStream(bytes));
            this.what = what;
        }

        int readByte() {
            return read(in::readUnsignedByte);
        }

        long readLong() {
            return read(in::readLong);
        }

        String readText() {
            return read(in::readUTF);
        }

        byte[] readBytes(int count) {
            byte[] bytes = read(() -> in.readNBytes(count));
            if (bytes.length != count) {
                throw new VerificationException(VerificationException.Reason.MALFORMED, what + " is truncated or garbled");
            }
            return bytes;
        }

        byte[] readRest() {
            return read(in::readAllBytes);
        }

        void requireEnd() {
            if (read(in::available) != 0) {
                throw new VerificationException(VerificationException.Reason.MALFORMED, what + " has trailing bytes");
            }
        }

        private <T> T read(IoSupplier<T> supplier) {
            try {
                return supplier.get();
            } catch (IOException e) {
                throw new VerificationException(VerificationException.Reason.MALFORMED, what + " is truncated or garbled");
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }
}
