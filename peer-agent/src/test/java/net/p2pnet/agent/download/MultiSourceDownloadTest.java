package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.agent.transfer.SharedContent;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.api.SourceView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real agents on loopback: three seeds and one downloader, each a whole Spring Boot context with its
 * own transfer port, serving and fetching real files.
 */
class MultiSourceDownloadTest {

    private static final int PIECE = 256 * 1024;
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    static Path dir;

    static TestAgent seed1;
    static TestAgent seed2;
    static TestAgent seed3;
    static TestAgent downloader;

    @BeforeAll
    static void startAgents() {
        seed1 = TestAgent.start(dir.resolve("seed1"));
        seed2 = TestAgent.start(dir.resolve("seed2"));
        seed3 = TestAgent.start(dir.resolve("seed3"));
        // the mirror test's mirror is another agent on loopback
        downloader = TestAgent.start(dir.resolve("downloader"), "p2pnet.agent.allow-private-mirrors=true");
    }

    @AfterAll
    static void stopAgents() {
        TestAgent.closeAll(seed1, seed2, seed3, downloader);
    }

    @Test
    void fileArrivesByteIdenticalWithDataFromAllThreeSeeds() throws IOException {
        // 24 MiB: three ed2k chunks, 96 pieces
        Path original = SeedFiles.randomFile(dir.resolve("files/three-seeds.bin"), 24L << 20, 1);
        byte[] torrent = SeedFiles.torrent(original, PIECE);
        SharedContent shared = SeedFiles.share(original, torrent);
        List.of(seed1, seed2, seed3).forEach(s -> s.catalog().publish(shared));

        DownloadView added = downloader.downloads().addTorrent(torrent, List.of(),
                List.of(seed1.address(), seed2.address(), seed3.address()));
        DownloadView done = Await.state(downloader.downloads(), added.id(), DownloadState.COMPLETED, LIMIT);

        assertThat(Files.mismatch(original, Path.of(done.path()))).isEqualTo(-1);
        assertThat(done.verifiedBytes()).isEqualTo(24L << 20);
        assertThat(done.piecesFailed()).isZero();
        assertThat(done.ed2kHash()).isEqualTo(shared.ed2k().hex());
        Map<String, Long> bytesBySource = done.sources().stream()
                .collect(Collectors.toMap(SourceView::address, SourceView::bytes));
        assertThat(bytesBySource).containsOnlyKeys(seed1.address(), seed2.address(), seed3.address());
        assertThat(bytesBySource.values()).allSatisfy(bytes -> assertThat(bytes).isPositive());
        assertThat(downloader.downloads().pieceMap(added.id())).containsOnly(PieceBoard.VERIFIED);
        // adding the same content again answers the existing download and stores nothing new
        assertThat(downloader.downloads().addTorrent(torrent, List.of(), List.of()).id()).isEqualTo(added.id());
        try (var records = Files.list(downloader.downloadDir().resolve(".p2pnet-incomplete"))) {
            assertThat(records.filter(p -> p.toString().endsWith(".json"))).isEmpty();
        }
    }

    @Test
    void corruptSeedIsBannedAndTheDownloadStillCompletesCorrectly() throws IOException {
        Path original = SeedFiles.randomFile(dir.resolve("files/corrupt.bin"), 12L << 20, 2);
        byte[] torrent = SeedFiles.torrent(original, PIECE);
        SharedContent good = SeedFiles.share(original, torrent);
        // the third seed's copy rotted on disk after it was hashed: one byte wrong in every piece
        Path rotten = dir.resolve("files/corrupt-rotten.bin");
        Files.copy(original, rotten);
        flipOneByteInEveryPiece(rotten);
        seed1.catalog().publish(good);
        seed2.catalog().publish(good);
        seed3.catalog().publish(SeedFiles.share(original, torrent, rotten));

        DownloadView added = downloader.downloads().addTorrent(torrent, List.of(),
                List.of(seed1.address(), seed2.address(), seed3.address()));
        DownloadView done = Await.state(downloader.downloads(), added.id(), DownloadState.COMPLETED, LIMIT);

        assertThat(Files.mismatch(original, Path.of(done.path()))).isEqualTo(-1);
        assertThat(done.piecesFailed()).isGreaterThanOrEqualTo(RemoteSource.BAN_AFTER_BAD_PIECES);
        SourceView corrupt = source(done, seed3.address());
        assertThat(corrupt.banned()).isTrue();
        assertThat(source(done, seed1.address()).banned()).isFalse();
        assertThat(downloader.bean(io.micrometer.core.instrument.MeterRegistry.class)
                .get("p2pnet.agent.sources.banned").tag("network", "p2pnet").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void seedLyingAboutTheSizeIsNeverUsed() throws IOException {
        Path original = SeedFiles.randomFile(dir.resolve("files/size.bin"), 6L << 20, 3);
        byte[] torrent = SeedFiles.torrent(original, PIECE);
        SharedContent good = SeedFiles.share(original, torrent);
        Path longer = dir.resolve("files/size-longer.bin");
        Files.copy(original, longer);
        Files.write(longer, new byte[12345], StandardOpenOption.APPEND);
        seed1.catalog().publish(good);
        seed3.catalog().publish(new SharedContent(good.infoHash(), torrent, longer, Files.size(longer), good.ed2k()));

        DownloadView added = downloader.downloads().addTorrent(torrent, List.of(),
                List.of(seed3.address(), seed1.address()));
        DownloadView done = Await.state(downloader.downloads(), added.id(), DownloadState.COMPLETED, LIMIT);

        assertThat(Files.mismatch(original, Path.of(done.path()))).isEqualTo(-1);
        SourceView liar = source(done, seed3.address());
        assertThat(liar.bytes()).isZero();
        assertThat(liar.banned()).isTrue();
        assertThat(source(done, seed1.address()).bytes()).isEqualTo(6L << 20);
    }

    @Test
    void ed2kAndMagnetLinksGetTheirMetainfoFromASource() throws IOException {
        Path original = SeedFiles.randomFile(dir.resolve("files/links.bin"), 3L << 20, 4);
        byte[] torrent = SeedFiles.torrent(original, PIECE);
        SharedContent shared = SeedFiles.share(original, torrent);
        seed2.catalog().publish(shared);

        String ed2k = "ed2k://|file|links.bin|" + (3L << 20) + "|" + shared.ed2k().hex() + "|/";
        DownloadView byEd2k = downloader.downloads().add(new AddDownloadRequest(ed2k, List.of(), List.of(seed2.address())));
        DownloadView done = Await.state(downloader.downloads(), byEd2k.id(), DownloadState.COMPLETED, LIMIT);
        assertThat(Files.mismatch(original, Path.of(done.path()))).isEqualTo(-1);
        assertThat(done.infoHash()).isEqualTo(shared.infoHash());

        downloader.downloads().cancel(byEd2k.id());
        String magnet = "magnet:?xt=urn:btih:" + shared.infoHash() + "&dn=links.bin";
        DownloadView byMagnet = downloader.downloads().add(new AddDownloadRequest(magnet, List.of(), List.of(seed2.address())));
        DownloadView second = Await.state(downloader.downloads(), byMagnet.id(), DownloadState.COMPLETED, LIMIT);
        assertThat(Files.mismatch(original, Path.of(second.path()))).isEqualTo(-1);
        assertThat(second.path()).isNotEqualTo(done.path()); // an existing file is never overwritten
    }

    @Test
    void mirrorOnlyDownloadCompletes() throws IOException {
        Path original = SeedFiles.randomFile(dir.resolve("files/mirror.bin"), 5L << 20, 5);
        byte[] torrent = SeedFiles.torrent(original, PIECE);
        SharedContent shared = SeedFiles.share(original, torrent);
        seed1.catalog().publish(shared);
        // BEP 19 style: a directory URL, the agent appends the file name
        String mirror = seed1.baseUrl() + "/files/" + shared.infoHash() + "/";

        DownloadView added = downloader.downloads().addTorrent(torrent, List.of(mirror), List.of());
        DownloadView done = Await.state(downloader.downloads(), added.id(), DownloadState.COMPLETED, LIMIT);

        assertThat(Files.mismatch(original, Path.of(done.path()))).isEqualTo(-1);
        assertThat(done.sources()).singleElement().satisfies(s -> {
            assertThat(s.network()).isEqualTo("http");
            assertThat(s.bytes()).isEqualTo(5L << 20);
        });
    }

    private static SourceView source(DownloadView view, String address) {
        return view.sources().stream().filter(s -> s.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no source " + address + " in " + view.sources()));
    }

    private static void flipOneByteInEveryPiece(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (long offset = 1000; offset < channel.size(); offset += PIECE) {
                ByteBuffer one = ByteBuffer.allocate(1);
                channel.read(one, offset);
                one.put(0, (byte) (one.get(0) ^ 0x5a)).rewind();
                channel.write(one, offset);
            }
        }
    }
}
