package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentFile;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-file torrent (nested directories, an empty file, files smaller than a piece and files
 * spanning pieces) arrives as its files, byte-identical, and the finished download is served on to
 * another agent from those files.
 */
class MultiFileDownloadTest {

    private static final int PIECE = 64 * 1024;
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    static Path dir;
    static TestAgent seed;
    static TestAgent first;
    static TestAgent second;

    @BeforeAll
    static void startAgents() {
        seed = TestAgent.start(dir.resolve("seed"));
        first = TestAgent.start(dir.resolve("first"));
        second = TestAgent.start(dir.resolve("second"));
    }

    @AfterAll
    static void stopAgents() {
        TestAgent.closeAll(seed, first, second);
    }

    @Test
    void multiFileTorrentArrivesAsItsFilesAndIsServedOn() throws IOException {
        Path album = dir.resolve("files/album");
        SeedFiles.randomFile(album.resolve("cover.jpg"), 10_000, 1);
        SeedFiles.randomFile(album.resolve("disc 1/01 intro.flac"), 3 * PIECE + 17, 2);
        Files.createDirectories(album.resolve("disc 1"));
        Files.write(album.resolve("disc 1/empty.cue"), new byte[0]);
        SeedFiles.randomFile(album.resolve("disc 2/02 outro.flac"), 5 * PIECE - 3, 3);
        Metainfo metainfo = TorrentWriter.create(album, TorrentOptions.defaults().withPieceLength(PIECE));
        assertThat(metainfo.info().isSingleFile()).isFalse();
        byte[] torrent = metainfo.toBytes();

        // the seed serves the torrent's byte stream (all files back to back) as any complete source does
        Path stream = concatenate(album, metainfo.info().files(), dir.resolve("files/album.stream"));
        seed.catalog().publish(SeedFiles.share(stream, torrent));

        DownloadView a = first.downloads().addTorrent(torrent, List.of(), List.of(seed.address()));
        DownloadView done = Await.state(first.downloads(), a.id(), DownloadState.COMPLETED, LIMIT);
        assertSameFiles(album, Path.of(done.path()), metainfo.info().files());
        assertThat(Path.of(done.path()).getFileName().toString()).isEqualTo("album");

        // the finished download is a source in turn, reading across its files
        DownloadView b = second.downloads().addTorrent(torrent, List.of(), List.of(first.address()));
        DownloadView again = Await.state(second.downloads(), b.id(), DownloadState.COMPLETED, LIMIT);
        assertSameFiles(album, Path.of(again.path()), metainfo.info().files());
        assertThat(again.sources()).anySatisfy(s -> {
            assertThat(s.address()).isEqualTo(first.address());
            assertThat(s.bytes()).isEqualTo(metainfo.info().totalLength());
        });
    }

    private static Path concatenate(Path root, List<TorrentFile> files, Path stream) throws IOException {
        try (OutputStream out = Files.newOutputStream(stream)) {
            for (TorrentFile file : files) {
                Files.copy(file.resolveUnder(root), out);
            }
        }
        return stream;
    }

    private static void assertSameFiles(Path expectedRoot, Path actualRoot, List<TorrentFile> files) throws IOException {
        for (TorrentFile file : files) {
            Path actual = file.resolveUnder(actualRoot);
            assertThat(actual).as(file.pathString()).isRegularFile();
            assertThat(Files.mismatch(file.resolveUnder(expectedRoot), actual)).as(file.pathString()).isEqualTo(-1);
        }
        try (var listing = Files.walk(actualRoot)) {
            assertThat(listing.filter(Files::isRegularFile).count()).isEqualTo(files.size());
        }
    }
}
