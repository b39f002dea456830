package net.p2pnet.agent.storage;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

/**
 * The bytes of a download in progress: a sparse file the size of the content plus the set of
 * verified pieces, persisted next to it ({@code NAME.part} and {@code NAME.pieces}).
 *
 * <p>Crash safety: a piece counts only once its bytes are {@code fsync}ed <em>and</em> a new pieces
 * file naming it has replaced the old one atomically. After {@code kill -9} the pieces file lists
 * only pieces whose bytes are on disk; every other byte of the part file is treated as missing and
 * overwritten before it is ever counted, so unverified bytes are never kept.
 *
 * <p>fsync costs milliseconds, so commits are grouped: pieces written while a commit runs are made
 * durable together by the next one (group commit, as databases do with their logs), and writers
 * never wait for it.
 */
public final class PartialFile implements AutoCloseable {

    private final Path part;
    private final Path pieces;
    private final PieceLayout layout;
    private final FileChannel channel;
    /** Null where the file system offers no direct I/O. */
    private final DirectIo direct;
    private final BitSet verified;
    private final BitSet pending = new BitSet();
    private final Object commitLock = new Object();

    private PartialFile(Path part, Path pieces, PieceLayout layout, FileChannel channel, DirectIo direct,
                        BitSet verified) {
        this.part = part;
        this.pieces = pieces;
        this.layout = layout;
        this.channel = channel;
        this.direct = direct;
        this.verified = verified;
    }

    /**
     * Opens (or creates) the partial file {@code dir/key.part}; resumes from {@code dir/key.pieces} when the
     * part file survived (a pieces file without its part file means nothing).
     */
    public static PartialFile open(Path dir, String key, PieceLayout layout) throws IOException {
        Files.createDirectories(dir);
        Path part = dir.resolve(key + ".part");
        Path pieces = dir.resolve(key + ".pieces");
        BitSet verified = new BitSet(layout.pieceCount());
        if (Files.exists(part) && Files.exists(pieces) && Files.size(part) == layout.size()) {
            verified = BitSet.valueOf(Files.readAllBytes(pieces));
            verified.clear(layout.pieceCount(), Math.max(layout.pieceCount(), verified.length()));
        }
        try (RandomAccessFile file = new RandomAccessFile(part.toFile(), "rw")) {
            if (file.length() != layout.size()) {
                file.setLength(layout.size()); // sparse on Linux file systems: no blocks until written
            }
        }
        FileChannel channel = FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new PartialFile(part, pieces, layout, channel, DirectIo.open(part), verified);
    }

    public PieceLayout layout() {
        return layout;
    }

    public Path path() {
        return part;
    }

    public synchronized BitSet verified() {
        return (BitSet) verified.clone();
    }

    /** Pieces written, committed or not (verified ones and those waiting for the next commit). */
    public BitSet stored() {
        BitSet stored;
        synchronized (pending) { // before verified: a commit moves pieces from pending to verified
            stored = (BitSet) pending.clone();
        }
        stored.or(verified());
        return stored;
    }

    public synchronized boolean isVerified(int piece) {
        return verified.get(piece);
    }

    public synchronized boolean isComplete() {
        return verified.cardinality() == layout.pieceCount();
    }

    /**
     * Writes a piece whose SHA-1 the caller checked. It is not counted yet: {@link #commitPending}
     * makes it durable and counts it. Writers do not wait for {@code fsync}, so the network keeps
     * flowing while the disk syncs.
     *
     * @throws IOException when the disk is full or failing; the piece is then not counted
     */
    public void write(int piece, ByteBuffer data) throws IOException {
        if (data.remaining() != layout.pieceSize(piece)) {
            throw new IllegalArgumentException("piece " + piece + " has " + layout.pieceSize(piece) + " bytes, got "
                    + data.remaining());
        }
        long position = layout.pieceOffset(piece);
        if (direct != null && direct.write(data, position)) {
            data.position(data.limit());
        }
        while (data.hasRemaining()) {
            position += channel.write(data, position);
        }
        synchronized (pending) {
            pending.set(piece);
            pending.notifyAll();
        }
    }

    /**
     * Waits up to {@code waitMillis} for written pieces, then makes all of them durable at once
     * ({@code fsync} of the data, then the pieces file replaced atomically) and counts them.
     *
     * @return the pieces this commit counted (empty when none were written in time)
     * @throws IOException when syncing fails; the pieces stay uncounted (see {@link #dropPending})
     */
    public BitSet commitPending(long waitMillis) throws IOException, InterruptedException {
        synchronized (commitLock) {
            BitSet batch;
            synchronized (pending) {
                if (pending.isEmpty() && waitMillis > 0) {
                    pending.wait(waitMillis);
                }
                batch = (BitSet) pending.clone();
            }
            if (batch.isEmpty()) {
                return batch;
            }
            channel.force(false);
            BitSet next;
            synchronized (this) {
                next = (BitSet) verified.clone();
            }
            next.or(batch);
            writePieces(next);
            synchronized (this) {
                verified.or(batch);
            }
            synchronized (pending) {
                pending.andNot(batch);
            }
            return batch;
        }
    }

    public boolean hasPending() {
        synchronized (pending) {
            return !pending.isEmpty();
        }
    }

    /** Gives up the written but uncounted pieces (after a failed commit); they must be fetched again. */
    public BitSet dropPending() {
        synchronized (pending) {
            BitSet dropped = (BitSet) pending.clone();
            pending.clear();
            return dropped;
        }
    }

    /** {@link #write} and {@link #commitPending commit} in one: returns once the piece is durable and counted. */
    public void writeVerified(int piece, ByteBuffer data) throws IOException {
        write(piece, data);
        try {
            commitPending(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while committing piece " + piece);
        }
    }

    /** Forgets pieces (a chunk that failed its MD4 check): they are fetched again. */
    public void unverify(BitSet badPieces) throws IOException {
        synchronized (commitLock) {
            BitSet next;
            synchronized (this) {
                verified.andNot(badPieces);
                next = (BitSet) verified.clone();
            }
            writePieces(next);
        }
    }

    /** Reads content bytes from {@code offset}. */
    public int read(long offset, ByteBuffer into) throws IOException {
        return Math.max(0, channel.read(into, offset));
    }

    /** Writes the {@code count} content bytes at {@code offset} to {@code target} ({@link FileTransfer}). */
    public void transferTo(long offset, long count, WritableByteChannel target) throws IOException {
        FileTransfer.send(channel, offset, count, target);
    }

    /** A buffer for {@link #readFully} of up to {@code size} bytes (aligned for direct reads where they work). */
    public ByteBuffer readBuffer(int size) {
        return direct != null ? direct.buffer(size) : ByteBuffer.allocateDirect(size);
    }

    /**
     * Fills {@code buffer} (from {@link #readBuffer}) with the {@code size} bytes at {@code offset},
     * ready to be read: from the disk itself where direct I/O works (checks then see what the disk
     * holds), else through the page cache.
     *
     * @throws IOException when the file ends first or cannot be read
     */
    public void readFully(long offset, ByteBuffer buffer, int size) throws IOException {
        if (direct != null && direct.readFully(offset, buffer, size)) {
            return;
        }
        buffer.clear().limit(size);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, offset + buffer.position());
            if (read <= 0) {
                throw new IOException("part file ended at " + (offset + buffer.position()));
            }
        }
        buffer.flip();
    }

    /** Reads bytes of a finished file from {@code offset} (0 at its end). */
    public static int readFile(Path file, long offset, ByteBuffer into) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return Math.max(0, channel.read(into, offset));
        }
    }

    /**
     * Moves the finished file to {@code target} (atomically when on the same file system, which the
     * engine arranges by keeping part files inside the download directory) and removes the pieces file.
     * An existing {@code target} is never overwritten: a numbered name is chosen instead.
     *
     * @return where the file now is
     */
    public Path completeTo(Path target) throws IOException {
        channel.force(true); // fsync is per file: it covers the direct channel's writes too
        close();
        Files.createDirectories(target.getParent());
        Path destination = target;
        for (int n = 1; ; n++) {
            try {
                moveNoReplace(destination);
                break;
            } catch (FileAlreadyExistsException e) {
                destination = numbered(target, n);
            }
        }
        Files.deleteIfExists(pieces);
        return destination;
    }

    /**
     * Cuts the finished stream of a multi-file torrent into its files below {@code target} (a new
     * directory; a numbered name when it exists), then removes the part and pieces files. The files
     * are written beside the part file first and the directory moved into place in one step, so a
     * crash leaves either the part file or the whole directory.
     *
     * @return the directory the files are in
     */
    public Path completeAsFiles(Path target, java.util.List<net.p2pnet.model.torrent.TorrentFile> files)
            throws IOException {
        channel.force(true);
        Path staging = part.resolveSibling(part.getFileName() + ".files");
        deleteTree(staging); // an earlier attempt that crashed half-way
        MultiFileContent.cut(channel, files, staging);
        close();
        Files.createDirectories(target.getParent());
        Path destination = target;
        for (int n = 1; Files.exists(destination); n++) {
            destination = numbered(target, n);
        }
        try {
            Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, destination);
        }
        Files.deleteIfExists(part);
        Files.deleteIfExists(pieces);
        return destination;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void moveNoReplace(Path destination) throws IOException {
        if (Files.exists(destination)) {
            throw new FileAlreadyExistsException(destination.toString());
        }
        try {
            Files.move(part, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, destination);
        }
    }

    private static Path numbered(Path target, int n) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
        return target.resolveSibling(numbered);
    }

    /** Deletes the part and pieces files (a cancelled download). */
    public void delete() throws IOException {
        close();
        Files.deleteIfExists(part);
        Files.deleteIfExists(pieces);
    }

    @Override
    public void close() throws IOException {
        try (DirectIo closing = direct) {
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }

    private void writePieces(BitSet set) throws IOException {
        Path temp = pieces.resolveSibling(pieces.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(set.toByteArray());
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(temp, pieces, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
