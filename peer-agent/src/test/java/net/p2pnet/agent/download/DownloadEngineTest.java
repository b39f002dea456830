package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import net.p2pnet.agent.bandwidth.RateLimiter;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.storage.PartialFile;
import net.p2pnet.agent.storage.TorrentContent;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.transfer.ContentCatalog;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.api.SourceView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole engine (sources, workers, intake, commits, final check, state machine) on peers held in
 * memory: no socket, no Spring, a clock and random generator of the test's own. Each test waits for
 * the state it expects with Awaitility and then checks what the peers were asked.
 */
class DownloadEngineTest {

    private static final int PIECE = 32 * 1024;
    private static final int PIECES = 24;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final MemoryNetwork network = new MemoryNetwork();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ContentCatalog catalog = new ContentCatalog();
    private byte[] content;
    private byte[] torrent;
    private DownloadEnvironment env;
    private Download download;

    @BeforeEach
    void environment() throws IOException {
        Path original = SeedFiles.randomFile(dir.resolve("original/file.bin"), (long) PIECE * PIECES - 1000, 5);
        content = Files.readAllBytes(original);
        torrent = SeedFiles.torrent(original, PIECE);
        Path downloads = dir.resolve("downloads");
        Path work = downloads.resolve(".work");
        env = new DownloadEnvironment(downloads, work, new DownloadStore(work, JsonMapper.builder().build()), catalog,
                null, new RateLimiter(0), new TrafficMeter(registry), new DownloadMetrics(registry), event -> { },
                new EnginePlugins(() -> List.of(network), List::of, List::of), new MutableClock(), new Random(11));
    }

    @AfterEach
    void stop() {
        if (download != null) {
            download.shutdown();
        }
    }

    @Test
    void piecesFromTwoPeersMakeTheFileAndItIsServedOnceComplete() throws IOException {
        MemoryNetwork.Peer a = network.peer(1, content);
        MemoryNetwork.Peer b = network.peer(2, content);

        DownloadView done = run(a, b);

        assertThat(Files.readAllBytes(Path.of(done.path()))).isEqualTo(content);
        assertThat(a.requested.size() + b.requested.size()).isGreaterThanOrEqualTo(PIECES);
        assertThat(done.downloadedBytes()).isGreaterThanOrEqualTo(content.length);
        assertThat(catalog.find(done.infoHash())).get().satisfies(served -> assertThat(served.isComplete()).isTrue());
        assertThat(verified(MemoryNetwork.NAME)).isEqualTo(PIECES);
    }

    @Test
    void aPeerSendingBadPiecesIsBannedAfterTwoAndTheFileCompletesFromAnother() throws IOException {
        MemoryNetwork.Peer liar = network.peer(1, content);
        liar.corrupt = true;
        MemoryNetwork.Peer honest = network.peer(2, content);
        honest.gate = liar.closed; // the honest peer answers once the liar is banned (its link closed)

        DownloadView done = run(liar, honest);

        assertThat(Files.readAllBytes(Path.of(done.path()))).isEqualTo(content);
        assertThat(liar.closeReasons).anyMatch(reason -> reason.startsWith("banned after 2 pieces"));
        SourceView banned = done.sources().stream().filter(s -> s.address().contains("192.0.2.1")).findFirst()
                .orElseThrow();
        assertThat(banned.banned()).isTrue();
        assertThat(done.piecesFailed()).isGreaterThanOrEqualTo(RemoteSource.BAN_AFTER_BAD_PIECES);
        assertThat(registry.get("p2pnet.agent.sources.banned").tag("network", MemoryNetwork.NAME).counter().count())
                .isEqualTo(1);
    }

    @Test
    void aPieceOnePeerHoldsBackIsFetchedAsAnEndgameCopyFromAnother() throws IOException {
        MemoryNetwork.Peer stuck = network.peer(1, content);
        MemoryNetwork.Peer other = network.peer(2, content);
        // the other peer waits while the stuck one is asked for a first piece, which it then keeps
        CountDownLatch otherWaits = new CountDownLatch(1);
        other.gate = otherWaits;
        int held = firstPieceAsked(stuck, other);
        otherWaits.countDown();

        DownloadView done = await().atMost(LIMIT).until(() -> download.view(), v -> v.state() == DownloadState.COMPLETED);

        assertThat(Files.readAllBytes(Path.of(done.path()))).isEqualTo(content);
        assertThat(other.requested).containsKey(held);
    }

    @Test
    void aResumedDownloadFetchesOnlyThePiecesItHasNotVerified() throws IOException {
        TorrentContent parsed = TorrentContent.parse(torrent);
        DownloadSpec spec = spec(List.of());
        try (PartialFile earlier = PartialFile.open(env.workDir(), spec.id(), parsed.layout())) {
            for (int piece = 0; piece < PIECES; piece += 2) {
                int size = parsed.layout().pieceSize(piece);
                earlier.writeVerified(piece, ByteBuffer.wrap(content, (int) parsed.layout().pieceOffset(piece), size));
            }
        }
        MemoryNetwork.Peer peer = network.peer(1, content);

        DownloadView done = run(spec, peer);

        assertThat(Files.readAllBytes(Path.of(done.path()))).isEqualTo(content);
        assertThat(peer.requested.keySet()).allMatch(piece -> piece % 2 == 1);
    }

    private DownloadView run(MemoryNetwork.Peer... peers) {
        return run(spec(List.of()), peers);
    }

    private DownloadView run(DownloadSpec spec, MemoryNetwork.Peer... peers) {
        env = withFinder(peers);
        download = new Download(spec, TorrentContent.parse(torrent), env);
        download.start();
        return await().atMost(LIMIT).until(() -> download.view(), v -> {
            assertThat(v.state()).isNotEqualTo(DownloadState.FAILED);
            return v.state() == DownloadState.COMPLETED;
        });
    }

    /** Starts the download from both peers and returns the first piece {@code peer} is asked for, which it keeps. */
    private int firstPieceAsked(MemoryNetwork.Peer peer, MemoryNetwork.Peer other) {
        env = withFinder(peer, other);
        CountDownLatch hold = new CountDownLatch(1);
        peer.gate = hold;
        download = new Download(spec(List.of()), TorrentContent.parse(torrent), env);
        download.start();
        int first = await().atMost(LIMIT).until(() -> peer.requested.keySet().stream().findFirst().orElse(-1),
                piece -> piece >= 0);
        peer.heldBack = first;
        hold.countDown();
        return first;
    }

    private DownloadEnvironment withFinder(MemoryNetwork.Peer... peers) {
        List<SourceEndpoint> endpoints = java.util.Arrays.stream(peers).map(MemoryNetwork.Peer::endpoint).toList();
        SourceFinder finder = (infoHash, progress) -> endpoints;
        return new DownloadEnvironment(env.downloadDir(), env.workDir(), env.store(), catalog, null, env.downloadLimit(),
                env.meter(), env.metrics(), env.events(),
                new EnginePlugins(() -> List.of(network), () -> List.of(finder), List::of), env.clock(), env.random());
    }

    private DownloadSpec spec(List<String> sources) {
        return new DownloadSpec("engine0000000001", 0, null, TorrentContent.parse(torrent).infoHash(), null, -1, torrent,
                List.of(), sources, false);
    }

    private double verified(String network) {
        return registry.get("p2pnet.agent.pieces.verified").tag("network", network).counter().count();
    }
}
