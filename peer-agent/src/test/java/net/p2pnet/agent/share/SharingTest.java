package net.p2pnet.agent.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.agent.transfer.ContentCatalog;
import net.p2pnet.model.api.ShareState;
import net.p2pnet.model.api.ShareView;
import net.p2pnet.model.hash.ContentHasher;
import net.p2pnet.model.hash.HashProgress;
import net.p2pnet.model.link.MagnetLink;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharing with real agents, real files and restarts on the same data directory. */
class SharingTest {

    private static final int PIECE = 256 * 1024;

    @TempDir
    Path data;
    @TempDir
    Path shared;

    private RunningAgent start() {
        return RunningAgent.start(data, "p2pnet.agent.shared-dirs=" + shared, "p2pnet.agent.share.rescan-interval=200ms",
                "p2pnet.agent.share.piece-length=256KB");
    }

    @Test
    void sharedFilesAreHashedOncePublishedAndSurviveARestartWithoutRehashing() throws Exception {
        Path small = write(shared.resolve("small.bin"), 3_000_001, 1);
        Path big = write(shared.resolve("sub/big.bin"), 10_000_000, 2); // crosses an ed2k chunk

        List<ShareView> first;
        try (RunningAgent agent = start()) {
            first = awaitShared(agent, 2);
            assertHashesAreRight(first, small);
            assertHashesAreRight(first, big);
            ContentCatalog catalog = agent.bean(ContentCatalog.class);
            first.forEach(share -> assertThat(catalog.find(share.infoHash())).isPresent());
            assertThat(hashedBytes(agent)).isEqualTo(3_000_001 + 10_000_000);
        }
        try (RunningAgent again = start()) {
            List<ShareView> second = awaitShared(again, 2);
            assertThat(second).extracting(ShareView::infoHash)
                    .containsExactlyInAnyOrderElementsOf(first.stream().map(ShareView::infoHash).toList());
            assertThat(hashedBytes(again)).isZero();
            assertThat(again.bean(ContentCatalog.class).all()).hasSize(2);
        }
    }

    @Test
    void addedChangedAndRemovedFilesArePickedUpWhileRunning() throws Exception {
        Path keep = write(shared.resolve("keep.bin"), 500_000, 3);
        Path gone = write(shared.resolve("gone.bin"), 400_000, 4);
        try (RunningAgent agent = start()) {
            List<ShareView> before = awaitShared(agent, 2);
            String goneHash = view(before, gone).infoHash();
            String keepHash = view(before, keep).infoHash();

            Path added = write(shared.resolve("added.bin"), 300_000, 5);
            Files.delete(gone);
            write(keep, 600_000, 6);
            Files.setLastModifiedTime(keep, FileTime.from(Instant.now().plusSeconds(5)));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ShareView> now = agent.bean(ShareService.class).list();
                assertThat(now).extracting(ShareView::path)
                        .containsExactlyInAnyOrder(added.toString(), keep.toString());
                assertThat(now).allMatch(s -> s.state() == ShareState.SHARED);
                assertThat(view(now, keep).infoHash()).isNotEqualTo(keepHash);
                assertThat(view(now, keep).size()).isEqualTo(600_000);
            });
            assertHashesAreRight(agent.bean(ShareService.class).list(), keep);
            ContentCatalog catalog = agent.bean(ContentCatalog.class);
            assertThat(catalog.find(goneHash)).isEmpty();
            assertThat(catalog.find(keepHash)).isEmpty();
        }
    }

    @Test
    void sharesAddedThroughTheApiAreKeptAcrossRestarts() throws Exception {
        Path extra = Files.createDirectories(data.resolve("extra"));
        Path file = write(extra.resolve("doc.bin"), 100_000, 7);
        try (RunningAgent agent = start()) {
            var response = agent.postJson("/api/v1/shares", "{\"path\":\"" + extra + "\"}");
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).contains(file.toString());
            awaitShared(agent, 1);
        }
        try (RunningAgent again = start()) {
            assertThat(awaitShared(again, 1)).extracting(ShareView::path).containsExactly(file.toString());
        }
    }

    @Test
    void theAgentsOwnDataIsNeverSharedEvenUnderASharedDirectory() throws Exception {
        // the whole agent directory is shared: its database (keys, tickets) and downloads live below it;
        // a subdirectory of it is the user's own
        Path file = write(data.resolve("data/music/song.bin"), 200_000, 8);
        try (RunningAgent agent = RunningAgent.start(data, "p2pnet.agent.shared-dirs=" + data,
                "p2pnet.agent.share.rescan-interval=200ms")) {
            ShareService shares = agent.bean(ShareService.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> shares.list().stream()
                    .anyMatch(s -> s.path().equals(file.toString()) && s.state() == ShareState.SHARED));
            Thread.sleep(1_000); // a few more rescans: nothing else may appear
            assertThat(shares.list()).extracting(ShareView::path).containsExactly(file.toString());
        }
    }

    @Test
    void badShareRequestsGetClearProblemsAndChangeNothing() throws Exception {
        try (RunningAgent agent = start()) {
            var relative = agent.postJson("/api/v1/shares", "{\"path\":\"relative/dir\"}");
            assertThat(relative.statusCode()).isEqualTo(400);
            assertThat(relative.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(relative.body()).contains("is relative");

            var missing = agent.postJson("/api/v1/shares", "{\"path\":\"" + data.resolve("nope") + "\"}");
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("does not exist");

            var empty = agent.postJson("/api/v1/shares", "{}");
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("'path' is required");

            var malformed = agent.postJson("/api/v1/shares", "{\"path\":");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            assertThat(agent.bean(ShareService.class).list()).isEmpty();
        }
    }

    private static void assertHashesAreRight(List<ShareView> shares, Path file) throws IOException {
        ShareView share = view(shares, file);
        String infoHash = TorrentWriter.create(file, TorrentOptions.defaults().withPieceLength(PIECE)).infoHash().hex();
        assertThat(share.infoHash()).as("info-hash of %s", file).isEqualTo(infoHash);
        try (ContentHasher hasher = new ContentHasher(1)) {
            String ed2k = hasher.hash(file, PIECE, HashProgress.NONE).ed2k().hex();
            assertThat(share.ed2kLink()).isEqualTo("ed2k://|file|" + file.getFileName() + "|" + Files.size(file) + "|"
                    + ed2k + "|/");
        }
        MagnetLink magnet = MagnetLink.parse(share.magnet());
        assertThat(magnet.infoHash().hex()).isEqualTo(infoHash);
        assertThat(magnet.exactLength()).hasValue(Files.size(file));
    }

    private static ShareView view(List<ShareView> shares, Path file) {
        return shares.stream().filter(s -> s.path().equals(file.toString())).findFirst().orElseThrow();
    }

    private static List<ShareView> awaitShared(RunningAgent agent, int count) {
        ShareService shares = agent.bean(ShareService.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> shares.list().size() == count
                && shares.list().stream().allMatch(s -> s.state() == ShareState.SHARED));
        return shares.list();
    }

    private static double hashedBytes(RunningAgent agent) {
        return agent.bean(MeterRegistry.class).get("p2pnet.agent.hashing").counter().count();
    }

    private static Path write(Path file, int size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(file, bytes);
    }
}
