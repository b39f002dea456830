package net.p2pnet.agent.storage;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/** Sends file bytes to a channel with {@link FileChannel#transferTo}: {@code sendfile} to a socket, no copy on the heap. */
public final class FileTransfer {

    /** What is copied through the heap when the socket is full (see {@link #send}). */
    static final int WAIT_BLOCK = 32 * 1024;

    private FileTransfer() {
    }

    /**
     * Writes all {@code count} bytes of {@code file} at {@code offset} to {@code target} (a channel
     * in blocking mode).
     *
     * <p>On a virtual thread the JDK runs a "blocking" socket non-blocking underneath, and a
     * {@code sendfile} into a full socket returns 0 instead of waiting: then a small block goes
     * through an ordinary write, which parks the thread until the peer has read enough (no busy
     * loop), and the rest goes kernel to kernel again.
     *
     * @throws EOFException when the file ends first
     */
    public static void send(FileChannel file, long offset, long count, WritableByteChannel target) throws IOException {
        ByteBuffer waitBuffer = null;
        long done = 0;
        while (done < count) {
            long sent = file.transferTo(offset + done, count - done, target);
            if (sent == 0) {
                if (waitBuffer == null) {
                    waitBuffer = ByteBuffer.allocate(WAIT_BLOCK);
                }
                sent = copy(file, offset + done, Math.min(count - done, WAIT_BLOCK), target, waitBuffer);
            }
            done += sent;
        }
    }

    private static int copy(FileChannel file, long offset, long count, WritableByteChannel target, ByteBuffer buffer)
            throws IOException {
        buffer.clear().limit((int) count);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, offset + buffer.position()) < 0) {
                throw new EOFException(file + " ended at " + (offset + buffer.position()));
            }
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            target.write(buffer);
        }
        return (int) count;
    }
}
