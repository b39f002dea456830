package net.p2pnet.agent.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.p2pnet.agent.transfer.SharedContent;
import net.p2pnet.model.hash.ContentHasher;
import net.p2pnet.model.hash.ContentHashes;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;

/** Real files and what sharing would publish for them (hashes through shared-model, as CONTROL does). */
public final class SeedFiles {

    private SeedFiles() {
    }

    /** A file of {@code size} pseudo-random bytes (the same bytes for the same seed). */
    public static Path randomFile(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = size;
            while (left > 0) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
        }
        return file;
    }

    /** The torrent of {@code file} with the given piece length. */
    public static byte[] torrent(Path file, int pieceLength) throws IOException {
        Metainfo metainfo = TorrentWriter.create(file, TorrentOptions.defaults().withPieceLength(pieceLength));
        return metainfo.toBytes();
    }

    /** What sharing publishes for {@code file}: torrent + ed2k hashset, serving {@code servedFile}. */
    public static SharedContent share(Path file, byte[] torrent, Path servedFile) throws IOException {
        ContentHashes hashes;
        try (ContentHasher hasher = new ContentHasher(2)) {
            hashes = hasher.hash(file, 1 << 18, (done, total) -> { });
        }
        String infoHash = Metainfo.read(torrent).infoHash().hex();
        return new SharedContent(infoHash, torrent, servedFile, Files.size(servedFile), hashes.ed2k());
    }

    public static SharedContent share(Path file, byte[] torrent) throws IOException {
        return share(file, torrent, file);
    }
}
