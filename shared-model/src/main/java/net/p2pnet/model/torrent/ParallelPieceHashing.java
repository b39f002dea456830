package net.p2pnet.model.torrent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import net.p2pnet.model.hash.HashProgress;
import net.p2pnet.model.hash.PieceHasher;
import net.p2pnet.model.torrent.SourceFiles.SourceFile;

/**
 * SHA-1 pieces of files laid back to back (BEP 3), on several threads: the piece stream is cut into
 * contiguous runs of whole pieces, one per thread, each fed to its own {@link PieceHasher} with
 * positional reads, and the runs' hashes concatenated in order. The calling thread hashes the
 * first run itself and reports progress for all of them. Pieces are independent, so this is
 * the same result as one hasher over the whole stream; memory stays one buffer per thread whatever
 * the piece length. mktorrent hashes on every core by default; single-threaded we measured it about
 * twice as fast as us on 2 cores.
 */
final class ParallelPieceHashing {

    private static final int BUFFER = 1 << 20;
    /** Below this per thread, starting threads costs more than it saves. */
    static final long MIN_RUN = 16L << 20;

    private final List<SourceFile> files;
    private final int pieceLength;
    private final long total;
    private final HashProgress progress;
    private final AtomicLong done = new AtomicLong();
    /** HashProgress is called on the thread that asked for the hashes; that thread hashes the first run. */
    private final Thread caller = Thread.currentThread();
    private long reported; // touched by the caller thread only

    private ParallelPieceHashing(List<SourceFile> files, int pieceLength, HashProgress progress) {
        this.files = files;
        this.pieceLength = pieceLength;
        this.total = files.stream().mapToLong(SourceFile::length).sum();
        this.progress = progress;
    }

    /** The concatenated piece hashes; IOException if a file cannot be read or changes size meanwhile. */
    static byte[] hash(List<SourceFile> files, int pieceLength, int threads, HashProgress progress)
            throws IOException {
        return hash(files, pieceLength, threads, MIN_RUN, progress);
    }

    /** As above, with the smallest run per thread given (tests use tiny runs to exercise the splitting). */
    static byte[] hash(List<SourceFile> files, int pieceLength, int threads, long minRun,
            HashProgress progress) throws IOException {
        ParallelPieceHashing hashing = new ParallelPieceHashing(files, pieceLength, progress);
        byte[] pieces = hashing.run(threads, minRun);
        hashing.checkSizesUnchanged();
        return pieces;
    }

    private byte[] run(int threads, long minRun) throws IOException {
        long pieceCount = PieceHasher.pieceCount(total, pieceLength);
        int runs = (int) Math.max(1, Math.min(Math.min(threads, pieceCount), total / minRun));
        long piecesPerRun = (pieceCount + runs - 1) / Math.max(1, runs);
        long runBytes = piecesPerRun * pieceLength;
        if (runs == 1) {
            return hashRange(0, total);
        }
        List<Future<byte[]>> others = new ArrayList<>(runs - 1);
        try (ExecutorService pool = Executors.newFixedThreadPool(runs - 1)) {
            for (int i = 1; i < runs; i++) {
                long from = Math.min(total, i * runBytes);
                long to = Math.min(total, (i + 1) * runBytes);
                others.add(pool.submit(() -> hashRange(from, to)));
            }
            byte[] first = hashRange(0, Math.min(total, runBytes));
            byte[] pieces = concatenate(first, others);
            report(done.get());
            return pieces;
        }
    }

    private static byte[] concatenate(byte[] first, List<Future<byte[]>> others) throws IOException {
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        pieces.writeBytes(first);
        for (Future<byte[]> result : others) {
            try {
                pieces.writeBytes(result.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("hashing failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while hashing", e);
            }
        }
        return pieces.toByteArray();
    }

    /** Hashes stream bytes [from, to), which start on a piece boundary. */
    private byte[] hashRange(long from, long to) throws IOException {
        PieceHasher hasher = new PieceHasher(pieceLength);
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        long fileStart = 0;
        for (SourceFile file : files) {
            long fileEnd = fileStart + file.length();
            if (fileEnd > from && fileStart < to) {
                readInto(hasher, buffer, file, Math.max(from, fileStart) - fileStart, Math.min(to, fileEnd) - fileStart);
            }
            fileStart = fileEnd;
        }
        return hasher.finish();
    }

    private void readInto(PieceHasher hasher, ByteBuffer buffer, SourceFile file, long from, long to)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            for (long position = from; position < to; ) {
                buffer.clear().limit((int) Math.min(BUFFER, to - position));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw changed(file, position);
                }
                position += n;
                hasher.update(buffer.flip());
                long hashed = done.addAndGet(n);
                if (Thread.currentThread() == caller) {
                    report(hashed);
                }
            }
        }
    }

    /** On the caller thread only, with ever larger counts (the other runs' bytes included). */
    private void report(long hashed) {
        if (hashed > reported) {
            reported = hashed;
            progress.progress(hashed, total);
        }
    }

    private void checkSizesUnchanged() throws IOException {
        for (SourceFile file : files) {
            long size = Files.size(file.path());
            if (size != file.length()) {
                throw changed(file, size);
            }
        }
    }

    private static IOException changed(SourceFile file, long size) {
        return new IOException(file.path() + " changed size while hashing (" + file.length() + " -> " + size
                + " bytes)");
    }
}
