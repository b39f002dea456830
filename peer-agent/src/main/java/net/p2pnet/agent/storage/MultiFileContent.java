package net.p2pnet.agent.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import net.p2pnet.model.torrent.TorrentFile;

/**
 * A multi-file torrent on disk: its byte stream (every file back to back, as BEP 3 hashes it) cut
 * into the torrent's files below one directory. The engine downloads the stream into one part file
 * and cuts it once every piece is verified; a finished download is served by reading across files.
 */
public final class MultiFileContent {

    private MultiFileContent() {
    }

    /**
     * Writes every file of {@code files} below {@code dir} (created) from the stream in {@code part},
     * each forced to disk. Paths are safe: {@link TorrentFile} refuses components that could escape.
     */
    static void cut(FileChannel part, List<TorrentFile> files, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (TorrentFile file : files) {
            Path target = file.resolveUnder(dir);
            Files.createDirectories(target.getParent());
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long done = 0;
                while (done < file.length()) {
                    long copied = part.transferTo(file.offset() + done, file.length() - done, out);
                    if (copied <= 0) {
                        throw new IOException("the part file ends before " + file.pathString() + " is complete");
                    }
                    done += copied;
                }
                out.force(true);
            }
        }
    }

    /** Reads the stream from {@code offset} into {@code into}, across file boundaries; 0 at its end. */
    public static int read(Path dir, List<TorrentFile> files, long offset, ByteBuffer into) throws IOException {
        int total = 0;
        long at = offset;
        for (TorrentFile file : files) {
            if (!into.hasRemaining()) {
                break;
            }
            long end = file.offset() + file.length();
            if (at >= end || file.length() == 0) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(file.resolveUnder(dir), StandardOpenOption.READ)) {
                long within = at - file.offset();
                int want = (int) Math.min(into.remaining(), file.length() - within);
                ByteBuffer slice = into.slice(into.position(), want);
                while (slice.hasRemaining()) {
                    int n = channel.read(slice, within + slice.position());
                    if (n < 0) {
                        throw new IOException(file.pathString() + " is shorter than the torrent says");
                    }
                }
                into.position(into.position() + want);
                total += want;
                at += want;
            }
        }
        return total;
    }
}
