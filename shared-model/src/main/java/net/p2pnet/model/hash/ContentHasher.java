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
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes a file or stream in one pass into {@link ContentHashes}: ed2k root and chunk hashset,
 * whole-content SHA-1 and BitTorrent piece hashes.
 *
 * <p>The caller's thread maps (files) or reads (streams) ed2k-chunk-sized pieces of 9,728,000 bytes
 * and hands each to the worker threads: the MD4 of a chunk is independent of the others, so chunks
 * are MD4-hashed in parallel, while the whole-content SHA-1 and the piece hashes are two ordered
 * lanes that run beside them. MD4 has no JVM intrinsic and is the costliest of the three
 * (docs/benchmarks.md), so spreading it is what lets one pass use every core. Memory stays bounded:
 * at most {@code parallelism + 2} stream buffers exist, file chunks are mapped at most
 * {@code parallelism} more than {@link Md4Lanes} hashes side by side, and the reader waits for a free
 * slot (after a while starting the MD4 of what it holds, so concurrent calls never wait on each other).
 *
 * <p>Thread-safe; concurrent calls share the workers and the buffers. Close it to stop the workers.
 */
public final class ContentHasher implements AutoCloseable {

    private static final int BUFFER_SIZE = Ed2kHash.CHUNK_SIZE;
    private static final AtomicInteger POOLS = new AtomicInteger();
    /**
     * How long the reader waits for a slot before starting the MD4 of an unfilled group: slots come
     * back as the SHA-1 lanes pass (milliseconds per chunk), so one call alone never needs to;
     * calls sharing the slots could otherwise each wait for their group to fill, forever. Flushing
     * at once instead cost most groups their width (one or two chunks: MD4 in Java).
     */
    private static final Duration GROUP_WAIT = Duration.ofMillis(250);

    private final ExecutorService workers;
    private final BlockingQueue<ByteBuffer> buffers;
    private final Semaphore inFlight;
    private final int bufferCount;
    private int buffersAllocated;

    /** One worker per processor. */
    public ContentHasher() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ContentHasher(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.workers = Executors.newFixedThreadPool(parallelism, daemonThreads());
        this.bufferCount = parallelism + 2;
        // Mapped chunks cost page cache, not heap: enough of them for a full group of MD4 lanes.
        this.inFlight = new Semaphore(Math.max(bufferCount, Md4Lanes.width() + parallelism));
        this.buffers = new ArrayBlockingQueue<>(bufferCount);
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
     * page cache instead of a copy (the page faults cost about 0.16 s of CPU per GiB). A semaphore
     * bounds how many chunks are in flight, as the buffer pool does for streams.
     */
    private ContentHashes hashMapped(FileChannel channel, int pieceLength, HashProgress progress)
            throws IOException {
        long size = channel.size();
        HashingRun run = new HashingRun(pieceLength, Md4Lanes.width(), workers, chunk -> inFlight.release());
        try {
            for (long at = 0; at < size; at += BUFFER_SIZE) {
                if (!acquireWithin(inFlight, GROUP_WAIT)) {
                    run.flush(); // the chunks this run holds must get hashed, or concurrent runs could wait on each other
                    acquire(inFlight);
                }
                ByteBuffer chunk;
                try {
                    progress.progress(run.bytesDone(), size);
                    chunk = map(channel, at, Math.min(BUFFER_SIZE, size - at), size);
                } catch (IOException | RuntimeException e) {
                    inFlight.release(); // no task will release this one
                    throw e;
                }
                run.submit(chunk);
            }
        } catch (IOException | RuntimeException e) {
            run.awaitQuietly();
            throw e;
        }
        ContentHashes hashes = run.finish();
        if (channel.size() != size) {
            throw changedSize(size, channel.size());
        }
        progress.progress(hashes.size(), size);
        return hashes;
    }

    /** Hashes a stream to its end; does not close it. */
    public ContentHashes hash(InputStream in, int pieceLength, HashProgress progress) throws IOException {
        return hash(Channels.newChannel(in), -1, pieceLength, progress);
    }

    private ContentHashes hash(ReadableByteChannel source, long totalBytes, int pieceLength,
            HashProgress progress) throws IOException {
        HashingRun run = new HashingRun(pieceLength, Math.min(Md4Lanes.width(), bufferCount), workers, buffers::add);
        try {
            int filled;
            do {
                ByteBuffer buffer = takeBuffer(run);
                try {
                    progress.progress(run.bytesDone(), totalBytes);
                    filled = fill(source, buffer);
                } catch (IOException | RuntimeException e) {
                    buffers.add(buffer); // no task will give this one back
                    throw e;
                }
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

    /** Maps a region, refusing one the file no longer holds (mapping it read-only would fail obscurely). */
    private static ByteBuffer map(FileChannel channel, long at, long length, long size) throws IOException {
        long now = channel.size();
        if (now < at + length) {
            throw changedSize(size, now);
        }
        return channel.map(FileChannel.MapMode.READ_ONLY, at, length);
    }

    private static IOException changedSize(long before, long after) {
        return new IOException("file changed size while being hashed (" + before + " -> " + after + " bytes)");
    }

    /** Reads until the buffer is full or the source ends; returns the bytes read. */
    private static int fill(ReadableByteChannel source, ByteBuffer buffer) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining() && source.read(buffer) >= 0) {
            // a channel may return short reads (pipes, sockets): keep going until full or at the end
        }
        return buffer.position();
    }

    /** Stream buffers are allocated on first need: hashing only files never needs them. */
    private ByteBuffer takeBuffer(HashingRun run) throws IOException {
        synchronized (buffers) {
            if (buffers.isEmpty() && buffersAllocated < bufferCount) {
                buffersAllocated++;
                return ByteBuffer.allocateDirect(BUFFER_SIZE);
            }
        }
        try {
            ByteBuffer free = buffers.poll(GROUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (free != null) {
                return free;
            }
            run.flush(); // the buffers this run holds must get hashed before we wait longer
            return buffers.take();
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private static boolean acquireWithin(Semaphore permits, Duration wait) throws IOException {
        try {
            return permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
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

    /**
     * A task's failure, for the caller. A mapped file cut short under our feet makes the JVM raise
     * an InternalError ("a fault occurred in an unsafe memory access") in the worker: that is the
     * file changing, not a JVM bug, so it becomes an IOException.
     */
    static IOException unwrap(CompletionException e) {
        return switch (e.getCause()) {
            case InternalError fault -> new IOException("file changed (shrank?) while being hashed", fault);
            case RuntimeException r -> throw r;
            case Error error -> throw error;
            case null -> new IOException(e);
            default -> new IOException(e.getCause());
        };
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
