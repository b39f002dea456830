package net.p2pnet.model.torrent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.hash.PieceHasher;
import net.p2pnet.model.torrent.SourceFiles.SourceFile;

/**
 * Creates a torrent for a file or directory. For the same content and piece length, the
 * {@code info} dictionary (hence the info-hash) is byte-for-byte what mktorrent 1.1 writes: same
 * file order (see {@link SourceFiles}), same keys ({@code files}/{@code length}, {@code name},
 * {@code piece length}, {@code pieces}, {@code private} only when set), a directory always
 * multi-file, files hashed back to back across file boundaries (BEP 3).
 */
public final class TorrentWriter {

    /** Called after each buffer hashed, with bytes done and total; rate-limit in the listener. */
    @FunctionalInterface
    public interface Progress {
        void hashed(long done, long total);

        Progress NONE = (done, total) -> { };
    }

    private static final int BUFFER = 1 << 20;

    private TorrentWriter() {
    }

    public static Metainfo create(Path path, TorrentOptions options) throws IOException {
        return create(path, options, Progress.NONE);
    }

    public static Metainfo create(Path path, TorrentOptions options, Progress progress) throws IOException {
        Path root = path.toAbsolutePath().normalize();
        if (root.getFileName() == null) {
            throw new IOException("cannot name a torrent after the file system root");
        }
        List<SourceFile> files = SourceFiles.of(root);
        byte[] pieces = hash(files, options.pieceLength(), progress);
        InfoDictionary info = InfoDictionary.of(info(root, files, pieces, options));
        List<String> urls = options.announceTiers().stream().flatMap(List::stream).toList();
        return new Metainfo(info, urls.isEmpty() ? null : urls.getFirst(),
                urls.size() > 1 ? options.announceTiers() : List.of(), // mktorrent: announce-list only if 2+ URLs
                options.webSeeds(), options.comment(), options.createdBy(), options.creationDate());
    }

    private static BDictionary info(Path root, List<SourceFile> files, byte[] pieces, TorrentOptions options) {
        BDictionary.Builder info = BDictionary.builder()
                .put("name", root.getFileName().toString())
                .put("piece length", options.pieceLength())
                .put("pieces", pieces);
        if (isSingleFile(root, files)) {
            info.put("length", files.getFirst().length());
        } else {
            info.put("files", BList.of(files.stream().map(TorrentWriter::fileEntry).toList()));
        }
        if (options.privateTorrent()) {
            info.put("private", 1);
        }
        return info.build();
    }

    private static BDictionary fileEntry(SourceFile file) {
        return BDictionary.builder()
                .put("length", file.length())
                .put("path", BList.of(file.components().stream().map(BString::of).toList()))
                .build();
    }

    private static byte[] hash(List<SourceFile> files, int pieceLength, Progress progress) throws IOException {
        long total = files.stream().mapToLong(SourceFile::length).sum();
        PieceHasher hasher = new PieceHasher(pieceLength);
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        for (SourceFile file : files) {
            long read = 0;
            try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
                for (int n; (n = channel.read(buffer.clear())) >= 0; ) {
                    read += n;
                    hasher.update(buffer.flip());
                    progress.hashed(hasher.bytesHashed(), total);
                }
            }
            if (read != file.length()) {
                throw new IOException(file.path() + " changed size while hashing (" + file.length() + " -> " + read
                        + " bytes)");
            }
        }
        return hasher.finish();
    }

    /** Single-file exactly when the path itself is a file; a directory with one file stays multi-file. */
    private static boolean isSingleFile(Path root, List<SourceFile> files) {
        return files.size() == 1 && files.getFirst().path().equals(root);
    }
}
