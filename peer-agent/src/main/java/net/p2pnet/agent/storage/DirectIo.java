package net.p2pnet.agent.storage;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A second channel on a part file, opened with {@code O_DIRECT}: aligned pieces are written, and
 * read back for their checks, past the page cache.
 *
 * <p>Why: with buffered writes, putting a download into the page cache cost the downloading agent
 * more CPU than all its hashing (1.1-1.8 CPU-seconds per GiB in the kernel's {@code pwrite}, on the
 * 2-core VM of {@code bench/transfer.sh}; JFR CPU-time samples, docs/benchmarks.md), and the group
 * commit's {@code fsync} then had to write all of it back. Direct writes cost about 0.05 CPU-seconds
 * per GiB and leave {@code fsync} only the file's metadata; reading a chunk back for its MD4 check
 * then reads the disk, not the cache.
 *
 * <p>Data is copied into aligned native buffers kept for reuse: for heap buffers the JDK would take
 * a fresh one per write, and touching fresh native memory on every write cost more than the SHA-1
 * of the same bytes (page faults; JFR CPU-time samples in {@code ByteBuffer.put}).
 *
 * <p>Only what {@code O_DIRECT} allows goes this way (file offset and length multiples of the file
 * system's block size); the rest (a short last piece, a file system without {@code O_DIRECT} such as
 * some tmpfs or FUSE mounts) takes the ordinary channel. A direct write that fails is retried once
 * on the ordinary channel and direct I/O is given up for that file: a file system that accepted the
 * flag yet refuses the write must not stop a download; a full disk fails both ways. Reads fall back
 * the same way.
 */
final class DirectIo implements AutoCloseable {

    /** Bytes copied and written at a time: a multiple of every block size accepted. */
    private static final int SLICE = 1 << 20;

    private final FileChannel channel;
    private final int block;
    /** Aligned SLICE-sized buffers between writes: as many as writers ever ran at once. */
    private final ConcurrentLinkedQueue<ByteBuffer> spare = new ConcurrentLinkedQueue<>();
    private volatile boolean usable = true;

    private DirectIo(FileChannel channel, int block) {
        this.channel = channel;
        this.block = block;
    }

    /** The direct channel on {@code file}, or null where the file system or platform offers none. */
    static DirectIo open(Path file) {
        try {
            long block = Files.getFileStore(file).getBlockSize();
            if (block <= 0 || block > SLICE || Long.bitCount(block) != 1) {
                return null;
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    ExtendedOpenOption.DIRECT);
            return new DirectIo(channel, (int) block);
        } catch (IOException | UnsupportedOperationException e) {
            return null; // the buffered channel serves alone
        }
    }

    /**
     * Writes all of {@code data} at {@code position} when direct I/O allows it.
     *
     * @return false when nothing was written and the caller must write it the ordinary way
     */
    boolean write(ByteBuffer data, long position) {
        if (!usable || !aligned(position) || data.remaining() % block != 0) {
            return false;
        }
        int start = data.position();
        if (data.isDirect() && data.alignmentOffset(data.position(), block) == 0) {
            try { // an aligned native buffer (a download worker's) is written as it is: no copy
                long at = position;
                while (data.hasRemaining()) {
                    at += channel.write(data, at);
                }
                return true;
            } catch (IOException e) {
                usable = false;
                data.position(start);
                return false;
            }
        }
        ByteBuffer slice = spare.poll();
        if (slice == null) {
            slice = buffer(SLICE);
        }
        try {
            long at = position;
            while (data.hasRemaining()) {
                int length = Math.min(SLICE, data.remaining());
                slice.clear().put(slice.position(), data, data.position(), length).limit(length);
                while (slice.hasRemaining()) {
                    at += channel.write(slice, at);
                }
                data.position(data.position() + length);
            }
            return true;
        } catch (IOException e) {
            usable = false;
            data.position(start);
            return false;
        } finally {
            spare.offer(slice);
        }
    }

    /** A buffer {@link #readFully} can fill directly with up to {@code size} bytes. */
    ByteBuffer buffer(int size) {
        return ByteBuffer.allocateDirect(roundUp(size) + block).alignedSlice(block);
    }

    /**
     * Fills {@code buffer} (from {@link #buffer}) with the {@code size} bytes at {@code position}, ready
     * to be read, when direct I/O allows it; the buffer's capacity past {@code size} may be overwritten.
     *
     * @return false when the caller must read the ordinary way: direct I/O does not apply, or the
     *         direct read failed or came up short (the ordinary read then tells what is wrong)
     */
    boolean readFully(long position, ByteBuffer buffer, int size) {
        int whole = roundUp(size);
        if (!usable || !aligned(position) || !buffer.isDirect() || buffer.capacity() < whole
                || buffer.alignmentOffset(0, block) != 0) {
            return false;
        }
        buffer.clear().limit(whole);
        try {
            while (buffer.position() < size) {
                int read = channel.read(buffer, position + buffer.position());
                if (read <= 0 || buffer.position() % block != 0 && buffer.position() < size) {
                    return false; // the end of the file
                }
            }
        } catch (IOException e) {
            usable = false; // a file system that accepted O_DIRECT yet refuses the read
            return false;
        }
        buffer.limit(size).position(0);
        return true;
    }

    private boolean aligned(long position) {
        return position % block == 0;
    }

    private int roundUp(int size) {
        return (size + block - 1) / block * block;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
