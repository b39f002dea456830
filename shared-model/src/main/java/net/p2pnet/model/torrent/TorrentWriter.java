package net.p2pnet.model.torrent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.hash.HashProgress;
import net.p2pnet.model.torrent.SourceFiles.SourceFile;

/**
 * Creates a torrent for a file or directory. For the same content and piece length, the
 * {@code info} dictionary (hence the info-hash) is byte-for-byte what mktorrent 1.1 writes: same
 * file order (see {@link SourceFiles}), same keys ({@code files}/{@code length}, {@code name},
 * {@code piece length}, {@code pieces}, {@code private} only when set), a directory always
 * multi-file, files hashed back to back across file boundaries (BEP 3), on every core
 * ({@link ParallelPieceHashing}).
 */
public final class TorrentWriter {


    private TorrentWriter() {
    }

    public static Metainfo create(Path path, TorrentOptions options) throws IOException {
        return create(path, options, HashProgress.NONE);
    }

    /** {@code progress} is told after each buffer hashed; rate-limit in the listener. */
    public static Metainfo create(Path path, TorrentOptions options, HashProgress progress) throws IOException {
        Path root = path.toAbsolutePath().normalize();
        if (root.getFileName() == null) {
            throw new IOException("cannot name a torrent after the file system root");
        }
        List<SourceFile> files = SourceFiles.of(root);
        byte[] pieces = ParallelPieceHashing.hash(files, options.pieceLength(),
                Runtime.getRuntime().availableProcessors(), progress);
        String name = root.getFileName().toString();
        InfoDictionary info = isSingleFile(root, files)
                ? singleFileInfo(name, files.getFirst().length(), pieces, options)
                : InfoDictionary.of(infoBuilder(name, pieces, options)
                        .put("files", BList.of(files.stream().map(TorrentWriter::fileEntry).toList())).build());
        return metainfo(info, options);
    }

    /**
     * The info dictionary of one file hashed elsewhere, e.g. by the agent's single pass that yields
     * the ed2k hash and the SHA-1 pieces together; same bytes as {@link #create} would give.
     *
     * @param pieces the concatenated SHA-1 piece hashes for {@code options.pieceLength()}
     */
    public static InfoDictionary singleFileInfo(String name, long length, byte[] pieces, TorrentOptions options) {
        return InfoDictionary.of(infoBuilder(name, pieces, options).put("length", length).build());
    }

    /** Wraps an info dictionary with the options' trackers, web seeds and comment, as mktorrent writes them. */
    public static Metainfo metainfo(InfoDictionary info, TorrentOptions options) {
        List<String> urls = options.announceTiers().stream().flatMap(List::stream).toList();
        return new Metainfo(info, urls.isEmpty() ? null : urls.getFirst(),
                urls.size() > 1 ? options.announceTiers() : List.of(), // mktorrent: announce-list only if 2+ URLs
                options.webSeeds(), options.comment(), options.createdBy(), options.creationDate());
    }

    private static BDictionary.Builder infoBuilder(String name, byte[] pieces, TorrentOptions options) {
        BDictionary.Builder info = BDictionary.builder()
                .put("name", name)
                .put("piece length", options.pieceLength())
                .put("pieces", pieces);
        if (options.privateTorrent()) {
            info.put("private", 1); // BEP 27; mktorrent leaves the key out rather than writing 0
        }
        return info;
    }

    private static BDictionary fileEntry(SourceFile file) {
        return BDictionary.builder()
                .put("length", file.length())
                .put("path", BList.of(file.components().stream().map(BString::of).toList()))
                .build();
    }

    /** Single-file exactly when the path itself is a file; a directory with one file stays multi-file. */
    private static boolean isSingleFile(Path root, List<SourceFile> files) {
        return files.size() == 1 && files.getFirst().path().equals(root);
    }
}
