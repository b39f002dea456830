package net.p2pnet.model.hash;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes a file or stream in one pass into {@link ContentHashes}: ed2k root and chunk hashset,
 * whole-content SHA-1 and BitTorrent piece hashes.
 *
 * <p>The caller's thread reads ed2k-chunk-sized buffers (9,728,000 bytes) and hands each to the
 * worker threads: the MD4 of a chunk is independent of the others, so chunks are MD4-hashed in
 * parallel, while the whole-content SHA-1 and the piece hashes are two ordered lanes that run beside
 * them. MD4 has no JVM intrinsic and costs about twice SHA-1 (docs/benchmarks.md), so spreading it
 * is what makes one pass over a big file cheaper than {@code rhash --ed2k --sha1}. Memory stays
 * bounded: at most {@code parallelism + 2} buffers are in flight and the reader waits for a free one.
 *
 * <p>Thread-safe; concurrent calls share the workers and the buffers. Close it to stop the workers.
 */
public final class ContentHasher implements AutoCloseable {

    private static final int BUFFER_SIZE = Ed2kHash.CHUNK_SIZE;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService workers;
    private final BlockingQueue<ByteBuffer> buffers;
    private final Semaphore inFlight;

    /** One worker per processor. */
    public ContentHasher() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ContentHasher(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.workers = Executors.newFixedThreadPool(parallelism, daemonThreads());
        int bufferCount = parallelism + 2;
        this.inFlight = new Semaphore(bufferCount);
        this.buffers = new ArrayBlockingQueue<>(bufferCount);
        for (int i = 0; i < bufferCount; i++) {
            buffers.add(ByteBuffer.allocateDirect(BUFFER_SIZE));
        }
    }

    /**
     * Hashes a regular file.
     *
     * @throws java.nio.file.NoSuchFileException   when it does not exist
     * @throws java.nio.file.AccessDeniedException when it cannot be read
     * @throws FileSystemException                 when it is a directory
     * @throws IOException                         when reading fails
     */
    public ContentHashes hash(Path file, int pieceLength, HashProgress progress) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return hashMapped(channel, pieceLength, progress);
        }
    }

    /*
     * Files are memory-mapped chunk by chunk rather than read: the workers hash straight from the
     * page cache, which saves copying every byte once (measured: about 0.2 s of CPU per GiB). A
     * semaphore bounds how many chunks are in flight, as the buffer pool does for streams.
     */
    private ContentHashes hashMapped(FileChannel channel, int pieceLength, HashProgress progress)
            throws IOException {
        long size = channel.size();
        HashingRun run = new HashingRun(pieceLength, workers, chunk -> inFlight.release());
        try {
            for (long at = 0; at < size; at += BUFFER_SIZE) {
                acquire(inFlight);
                progress.progress(run.bytesDone(), size);
                run.submit(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(BUFFER_SIZE, size - at)));
            }
        } catch (IOException | RuntimeException e) {
            run.awaitQuietly();
            throw e;
        }
        ContentHashes hashes = run.finish();
        progress.progress(hashes.size(), size);
        return hashes;
    }

    /** Hashes a stream to its end; does not close it. */
    public ContentHashes hash(InputStream in, int pieceLength, HashProgress progress) throws IOException {
        return hash(Channels.newChannel(in), -1, pieceLength, progress);
    }

    private ContentHashes hash(ReadableByteChannel source, long totalBytes, int pieceLength,
            HashProgress progress) throws IOException {
        HashingRun run = new HashingRun(pieceLength, workers, buffers::add);
        try {
            int filled;
            do {
                ByteBuffer buffer = takeBuffer();
                progress.progress(run.bytesDone(), totalBytes);
                filled = fill(source, buffer);
                if (filled == 0) {
                    buffers.add(buffer);
                } else {
                    run.submit(buffer.flip());
                }
            } while (filled == BUFFER_SIZE);
        } catch (IOException | RuntimeException e) {
            run.awaitQuietly();
            throw e;
        }
        ContentHashes hashes = run.finish();
        progress.progress(hashes.size(), totalBytes);
        return hashes;
    }

    /** Reads until the buffer is full or the source ends; returns the bytes read. */
    private static int fill(ReadableByteChannel source, ByteBuffer buffer) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining() && source.read(buffer) >= 0) {
            // a channel may return short reads (pipes, sockets): keep going until full or at the end
        }
        return buffer.position();
    }

    private ByteBuffer takeBuffer() throws IOException {
        try {
            return buffers.take();
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private static void acquire(Semaphore permits) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private static IOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while hashing");
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException r ? r : e;
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "p2pnet-hash-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
