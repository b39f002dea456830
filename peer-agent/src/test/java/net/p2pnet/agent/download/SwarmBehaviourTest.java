package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.agent.transfer.SharedContent;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.api.SourceView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partial sharing with source exchange, a global limit and pause/resume, with real agents. */
class SwarmBehaviourTest {

    private static final int PIECE = 256 * 1024;
    private static final long MIB = 1L << 20;
    private static final Duration LIMIT = Duration.ofMinutes(3);

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

    @AfterEach
    void unlimited() {
        for (TestAgent agent : List.of(seed, first, second)) {
            agent.limits().setUploadLimit(0);
            agent.limits().setDownloadLimit(0);
        }
    }

    @Test
    void secondDownloaderGetsPiecesFromTheFirstWhileItIsHalfDone() throws IOException {
        Path original = SeedFiles.randomFile(dir.resolve("files/partial.bin"), 16 * MIB, 31);
        byte[] torrent = SeedFiles.torrent(original, PIECE);
        SharedContent shared = SeedFiles.share(original, torrent);
        seed.catalog().publish(shared);
        seed.limits().setUploadLimit(2 * MIB); // a slow seed: the first downloader is still busy when the second starts

        DownloadView a = first.downloads().addTorrent(torrent, List.of(), List.of(seed.address()));
        Await.until("the first downloader to be half done", LIMIT,
                () -> first.downloads().get(a.id()).verifiedBytes() >= 8 * MIB);
        assertThat(first.downloads().get(a.id()).state()).isEqualTo(DownloadState.DOWNLOADING);

        // the second is told only about the seed; it learns about the first by source exchange
        DownloadView b = second.downloads().addTorrent(torrent, List.of(), List.of(seed.address()));
        DownloadView done = Await.state(second.downloads(), b.id(), DownloadState.COMPLETED, LIMIT);

        assertThat(Files.mismatch(original, Path.of(done.path()))).isEqualTo(-1);
        SourceView fromFirst = done.sources().stream().filter(s -> s.address().equals(first.address())).findFirst()
                .orElseThrow(() -> new AssertionError("the first downloader was never a source: " + done.sources()));
        assertThat(fromFirst.bytes()).isPositive();
        Await.state(first.downloads(), a.id(), DownloadState.COMPLETED, LIMIT);
    }

    /**
     * A global limit set at run time (as the settings API does) slows a download without breaking it.
     * How close the rate comes to the limit is the token bucket's business; a wall-clock measure of it
     * on a busy machine proved nothing but the machine's load.
     */
    @Test
    void aDownloadUnderAGlobalLimitSetAtRunTimeCompletes() throws IOException {
        Path original = SeedFiles.randomFile(dir.resolve("files/limited.bin"), 4 * MIB, 32);
        byte[] torrent = SeedFiles.torrent(original, PIECE);
        seed.catalog().publish(SeedFiles.share(original, torrent));
        first.limits().setDownloadLimit(2 * MIB);

        DownloadView added = first.downloads().addTorrent(torrent, List.of(), List.of(seed.address()));
        DownloadView done = Await.state(first.downloads(), added.id(), DownloadState.COMPLETED, LIMIT);

        assertThat(Files.mismatch(original, Path.of(done.path()))).isEqualTo(-1);
        assertThat(first.limits().getDownloadLimit()).isEqualTo(2 * MIB);
    }

    @Test
    void pauseStopsTransfersAndResumeFinishes() throws IOException {
        Path original = SeedFiles.randomFile(dir.resolve("files/pause.bin"), 8 * MIB, 33);
        byte[] torrent = SeedFiles.torrent(original, PIECE);
        seed.catalog().publish(SeedFiles.share(original, torrent));
        second.limits().setDownloadLimit(2 * MIB);

        DownloadView added = second.downloads().addTorrent(torrent, List.of(), List.of(seed.address()));
        Await.until("some progress", LIMIT, () -> second.downloads().get(added.id()).verifiedBytes() > MIB);
        DownloadView paused = second.downloads().pause(added.id());
        assertThat(paused.state()).isEqualTo(DownloadState.PAUSED);
        long verified = second.downloads().get(added.id()).verifiedBytes();
        assertThat(verified).isLessThan(8 * MIB);
        assertThat(second.downloads().pieceMap(added.id())).contains(PieceBoard.VERIFIED, PieceBoard.MISSING);

        second.limits().setDownloadLimit(0);
        assertThat(second.downloads().resume(added.id()).state()).isEqualTo(DownloadState.DOWNLOADING);
        DownloadView done = Await.state(second.downloads(), added.id(), DownloadState.COMPLETED, LIMIT);
        assertThat(Files.mismatch(original, Path.of(done.path()))).isEqualTo(-1);
    }
}
