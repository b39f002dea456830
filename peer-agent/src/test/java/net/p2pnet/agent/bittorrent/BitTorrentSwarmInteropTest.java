package net.p2pnet.agent.bittorrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.p2pnet.agent.download.DownloadService;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.agent.support.ServiceProcess;
import net.p2pnet.agent.testkit.Aria2;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.transfer.ContentCatalog;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.api.SourceView;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents and a standard BitTorrent client (aria2c) in one swarm, through our tracker (the built
 * tracker-service jar): each side downloads from the other byte-identical, a mixed swarm is used
 * from both kinds of sources at once while the agent serves a third client, a magnet resolves
 * through ut_metadata, and a peer sending corrupt pieces is banned.
 */
@Tag("interop")
class BitTorrentSwarmInteropTest {

    private static final int PIECE = 256 * 1024;

    @TempDir
    static Path shared;
    private static ServiceProcess tracker;

    @TempDir
    Path work;

    @BeforeAll
    static void startTracker() throws Exception {
        Aria2.assumeInstalled();
        tracker = ServiceProcess.start(ServiceProcess.jar("tracker-service"), shared.resolve("tracker"),
                shared.resolve("tracker.log"), "p2pnet.network.secret=bittorrent-test-secret-0123456789",
                "p2pnet.tracker.interval=5s", "p2pnet.tracker.min-interval=1s");
    }

    @AfterAll
    static void stopTracker() {
        if (tracker != null) {
            tracker.close();
        }
    }

    private static String announce() {
        return tracker.url() + "/announce";
    }

    @Test
    void aria2DownloadsAFileSeededOnlyByAnAgent() throws Exception {
        Path seedDir = Files.createDirectories(work.resolve("seed-files"));
        Path file = SeedFiles.randomFile(seedDir.resolve("agent-seeded.bin"), 9 * PIECE + 1234, 1);
        try (RunningAgent seed = agent("seed", "p2pnet.agent.shared-dirs=" + seedDir)) {
            byte[] torrent = awaitShared(seed).torrent();
            Path torrentFile = Files.write(work.resolve("agent-seeded.torrent"), torrent);
            Path out = Files.createDirectories(work.resolve("aria2-out"));
            try (Aria2 leech = Aria2.download(torrentFile.toString(), out, ServiceProcess.freePort(),
                    work.resolve("aria2.log"))) {
                assertThat(leech.await(120)).as("aria2c exit code (see aria2.log)").isZero();
            }
            assertThat(Files.mismatch(file, out.resolve("agent-seeded.bin"))).isEqualTo(-1);
            assertThat(outBytes(seed, "bittorrent")).isGreaterThanOrEqualTo(Files.size(file));
        }
    }

    @Test
    void agentDownloadsAFileSeededOnlyByAria2() throws Exception {
        Path seedDir = Files.createDirectories(work.resolve("aria2-seed"));
        Path file = SeedFiles.randomFile(seedDir.resolve("aria2-seeded.bin"), 11 * PIECE + 77, 2);
        Path torrentFile = torrentOf(file);
        try (Aria2 seed = Aria2.seed(torrentFile, seedDir, ServiceProcess.freePort(), work.resolve("aria2.log"));
             RunningAgent leech = agent("leech")) {
            DownloadView done = download(leech, Files.readAllBytes(torrentFile));
            assertThat(Files.mismatch(file, Path.of(done.path()))).isEqualTo(-1);
            assertThat(done.piecesFailed()).isZero();
            assertThat(done.sources()).anySatisfy(s -> {
                assertThat(s.network()).isEqualTo("bittorrent");
                assertThat(s.bytes()).isGreaterThan(0);
            });
        }
    }

    @Test
    void mixedSwarmFeedsAnAgentThatServesAThirdClientMeanwhile() throws Exception {
        Path agentSeedDir = Files.createDirectories(work.resolve("agent-seed-files"));
        Path file = SeedFiles.randomFile(agentSeedDir.resolve("mixed.bin"), 48 * PIECE, 3);
        Path ariaSeedDir = Files.createDirectories(work.resolve("aria2-seed"));
        Files.copy(file, ariaSeedDir.resolve("mixed.bin"));
        // slow seeds, so the downloading agent is still busy when the third client arrives
        try (RunningAgent agentSeed = agent("agent-seed", "p2pnet.agent.shared-dirs=" + agentSeedDir,
                "p2pnet.agent.rate.upload=1MB")) {
            Path torrentFile = Files.write(work.resolve("mixed.torrent"), awaitShared(agentSeed).torrent());
            try (Aria2 ariaSeed = Aria2.seed(torrentFile, ariaSeedDir, ServiceProcess.freePort(),
                    work.resolve("aria2-seed.log"), "--max-overall-upload-limit=1M");
                 RunningAgent leech = agent("leech")) {
                DownloadService downloads = leech.bean(DownloadService.class);
                DownloadView added = downloads.addTorrent(Files.readAllBytes(torrentFile), List.of(), List.of());
                await().atMost(Duration.ofSeconds(60)).until(() -> downloads.get(added.id()).verifiedBytes() >= 8L * PIECE);
                Path thirdOut = Files.createDirectories(work.resolve("third"));
                try (Aria2 third = Aria2.download(torrentFile.toString(), thirdOut, ServiceProcess.freePort(),
                        work.resolve("aria2-third.log"))) {
                    DownloadView done = awaitCompleted(downloads, added.id());
                    assertThat(Files.mismatch(file, Path.of(done.path()))).isEqualTo(-1);
                    assertThat(done.sources()).filteredOn(s -> s.bytes() > 0).extracting(SourceView::network)
                            .contains("p2pnet", "bittorrent");
                    assertThat(third.await(120)).as("third client's exit code (see aria2-third.log)").isZero();
                }
                assertThat(Files.mismatch(file, thirdOut.resolve("mixed.bin"))).isEqualTo(-1);
                assertThat(outBytes(leech, "bittorrent")).as("bytes the downloading agent served over BitTorrent")
                        .isGreaterThan(0);
                assertThat(counter(leech, "p2pnet.agent.pieces.verified", "bittorrent")).isPositive();
                assertThat(counter(leech, "p2pnet.agent.pieces.verified", "p2pnet")).isPositive();
            }
        }
    }

    @Test
    void magnetLinkResolvesThroughUtMetadataFromAStandardClient() throws Exception {
        Path seedDir = Files.createDirectories(work.resolve("aria2-seed"));
        Path file = SeedFiles.randomFile(seedDir.resolve("magnet.bin"), 6 * PIECE + 5, 4);
        Path torrentFile = torrentOf(file);
        String infoHash = Metainfo.read(torrentFile).infoHash().hex();
        try (Aria2 seed = Aria2.seed(torrentFile, seedDir, ServiceProcess.freePort(), work.resolve("aria2.log"));
             RunningAgent leech = agent("leech")) {
            DownloadService downloads = leech.bean(DownloadService.class);
            DownloadView added = downloads.add(new AddDownloadRequest("magnet:?xt=urn:btih:" + infoHash + "&dn=magnet.bin",
                    List.of(), List.of()));
            DownloadView done = awaitCompleted(downloads, added.id());
            assertThat(done.name()).isEqualTo("magnet.bin");
            assertThat(Files.mismatch(file, Path.of(done.path()))).isEqualTo(-1);
        }
    }

    @Test
    void peerSendingCorruptPiecesIsBannedAndTheDownloadCompletes() throws Exception {
        Path seedDir = Files.createDirectories(work.resolve("aria2-seed"));
        Path file = SeedFiles.randomFile(seedDir.resolve("honest.bin"), 24 * PIECE, 5);
        Path torrentFile = torrentOf(file);
        Metainfo metainfo = Metainfo.read(torrentFile);
        try (CorruptSeed liar = new CorruptSeed(metainfo.infoHash().bytes(), metainfo.info().pieceCount());
             Aria2 honest = Aria2.seed(torrentFile, seedDir, ServiceProcess.freePort(), work.resolve("aria2.log"),
                     "--max-overall-upload-limit=512K")) {
            // the honest seed is slow, so the download cannot end before the liar has been asked
            announceAsSeed(metainfo.infoHash().bytes(), liar.port());
            try (RunningAgent leech = agent("leech")) {
                DownloadView done = download(leech, Files.readAllBytes(torrentFile));
                assertThat(Files.mismatch(file, Path.of(done.path()))).isEqualTo(-1);
                assertThat(liar.blocksSent()).as("blocks the liar was asked for; sources %s", done.sources())
                        .isGreaterThan(0);
                assertThat(done.piecesFailed()).isGreaterThan(0);
                assertThat(done.sources()).anySatisfy(s -> {
                    assertThat(s.address()).endsWith(":" + liar.port());
                    assertThat(s.banned()).isTrue();
                });
                assertThat(counter(leech, "p2pnet.agent.pieces.failed", "bittorrent")).isPositive();
                assertThat(counter(leech, "p2pnet.agent.sources.banned", "bittorrent")).isEqualTo(1);
            }
        }
    }

    @Test
    void privateTorrentAdmitsOnlyPeersTheTrackerHandedOut() throws Exception {
        Path seedDir = Files.createDirectories(work.resolve("private-seed-files"));
        SeedFiles.randomFile(seedDir.resolve("private.bin"), 3 * PIECE, 6);
        // a join key makes the agent's torrents private (BEP 27)
        try (RunningAgent seed = agent("private-seed", "p2pnet.agent.shared-dirs=" + seedDir,
                "p2pnet.agent.join-key=join-bittorrent-test")) {
            ServedContent content = awaitShared(seed);
            assertThat(Metainfo.read(content.torrent()).info().isPrivate()).isTrue();
            int port = seed.bean(BtPeers.class).port();
            try (RawPeer stranger = new RawPeer(port)) {
                stranger.send(RawPeer.handshake(RawPeer.PROTOCOL, content.infoHash(), new byte[8]));
                assertThat(stranger.closedByRemote()).as("a peer the tracker never handed out").isTrue();
            }

            // a leecher joins the swarm through the tracker: now it is handed out, and admitted
            announce(java.util.HexFormat.of().parseHex(content.infoHash()), ServiceProcess.freePort(), 1000);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                try (RawPeer member = new RawPeer(port)) {
                    member.handshake(content.infoHash(), false);
                    member.awaitMessage(5); // its bitfield: the connection was accepted
                    return true;
                }
            });
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private RunningAgent agent(String name, String... properties) {
        String[] all = new String[properties.length + 2];
        all[0] = "p2pnet.agent.tracker-url=" + announce();
        all[1] = "p2pnet.agent.share.piece-length=256KB";
        System.arraycopy(properties, 0, all, 2, properties.length);
        return RunningAgent.start(work.resolve(name), all);
    }

    private static ServedContent awaitShared(RunningAgent agent) {
        ContentCatalog catalog = agent.bean(ContentCatalog.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> !catalog.all().isEmpty());
        ServedContent content = catalog.all().iterator().next();
        // announced to the tracker: a client that asks now finds the seed
        await().atMost(Duration.ofSeconds(30)).until(() -> scrapeComplete(content.infoHash()) >= 1);
        return content;
    }

    private Path torrentOf(Path file) throws Exception {
        Metainfo metainfo = TorrentWriter.create(file, TorrentOptions.defaults().withPieceLength(PIECE)
                .withAnnounceTiers(List.of(List.of(announce()))));
        return Files.write(work.resolve(file.getFileName() + ".torrent"), metainfo.toBytes());
    }

    private static DownloadView download(RunningAgent agent, byte[] torrent) {
        DownloadService downloads = agent.bean(DownloadService.class);
        DownloadView added = downloads.addTorrent(torrent, List.of(), List.of());
        return awaitCompleted(downloads, added.id());
    }

    private static DownloadView awaitCompleted(DownloadService downloads, String id) {
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            DownloadState state = downloads.get(id).state();
            if (state == DownloadState.FAILED) {
                throw new AssertionError("download failed: " + downloads.get(id).error());
            }
            return state == DownloadState.COMPLETED;
        });
        return downloads.get(id);
    }

    private static double outBytes(RunningAgent agent, String peerKind) {
        Counter counter = agent.bean(MeterRegistry.class).find("p2pnet.agent.bytes")
                .tags("direction", "out", "peer_kind", peerKind).counter();
        return counter == null ? 0 : counter.count();
    }

    private static double counter(RunningAgent agent, String name, String network) {
        Counter counter = agent.bean(MeterRegistry.class).find(name).tag("network", network).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long scrapeComplete(String infoHashHex) throws Exception {
        byte[] raw = java.util.HexFormat.of().parseHex(infoHashHex);
        URI uri = URI.create(tracker.url() + "/scrape?info_hash=" + percent(raw));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        var files = net.p2pnet.model.bencode.Bencode.decodeDictionary(response.body()).dictionary("files");
        return files.entries().values().stream().map(net.p2pnet.model.bencode.BDictionary.class::cast)
                .mapToLong(d -> d.integer("complete")).sum();
    }

    /** What a client does when it starts seeding: tell the tracker where it listens. */
    private static void announceAsSeed(byte[] infoHash, int port) throws Exception {
        announce(infoHash, port, 0);
    }

    private static void announce(byte[] infoHash, int port, long left) throws Exception {
        URI uri = URI.create(announce() + "?info_hash=" + percent(infoHash) + "&peer_id=" + percent(
                ("-XX0001-" + String.format("%012d", port)).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                + "&port=" + port + "&uploaded=0&downloaded=0&left=" + left + "&event=started&compact=1&ip=127.0.0.1");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).doesNotContain("failure reason");
    }

    private static String percent(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }
}
