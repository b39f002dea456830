package net.p2pnet.tracker.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;

/** Real .torrent files over real random content, made with the shared TorrentWriter. */
public final class Torrents {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Torrents() {
    }

    public static Metainfo create(Path content, String announce) throws IOException {
        return TorrentWriter.create(content, TorrentOptions.defaults().withPieceLength(1 << 15)
                .withAnnounceTiers(List.of(List.of(announce))));
    }

    /** A file of random bytes. */
    public static Path randomFile(Path dir, String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), bytes);
    }

    public static byte[] singleFile(Path dir, String name, int size) throws IOException {
        return create(randomFile(dir, name, size), "http://127.0.0.1:6969/announce").toBytes();
    }
}
