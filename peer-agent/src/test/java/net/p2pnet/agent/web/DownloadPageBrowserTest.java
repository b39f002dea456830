package net.p2pnet.agent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.p2pnet.agent.bandwidth.BandwidthLimits;
import net.p2pnet.agent.download.DownloadService;
import net.p2pnet.agent.share.ShareService;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.transfer.TransferServer;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.api.ShareState;
import net.p2pnet.model.api.ShareView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The agent's web UI in a real Chromium: Alice shares files; Bob's page downloads them by their
 * ed2k links with Alice as the known source, and is paused, resumed and rate-limited from the page.
 */
@Tag("interop")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DownloadPageBrowserTest {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    static Path work;
    static RunningAgent alice;
    static RunningAgent bob;
    static Browser browser;

    @RegisterExtension
    static final ScreenshotOnFailure SCREENSHOTS = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void start() throws IOException {
        Path shared = Files.createDirectories(work.resolve("alice-files"));
        SeedFiles.randomFile(shared.resolve("small-file.bin"), 3L << 20, 11);
        SeedFiles.randomFile(shared.resolve("slow-file.bin"), 4L << 20, 12);
        SeedFiles.randomFile(shared.resolve("torrent-file.bin"), 2L << 20, 13);
        alice = RunningAgent.start(work.resolve("alice"), "p2pnet.agent.name=alice",
                "p2pnet.agent.shared-dirs=" + shared, "p2pnet.agent.share.piece-length=256KB");
        bob = RunningAgent.start(work.resolve("bob"), "p2pnet.agent.name=bob");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        for (RunningAgent agent : new RunningAgent[] {bob, alice}) {
            if (agent != null) {
                agent.close();
            }
        }
    }

    @Test
    void downloadAddedByPastingALinkReaches100PercentWithItsPieceMapAndSources() throws IOException {
        ShareView share = sharedByAlice("small-file.bin");
        browser.open(bob.url() + "/?" + System.nanoTime()); // a new document, not a hash change

        browser.find("#add-link").sendKeys(share.ed2kLink());
        browser.find("#add-sources").sendKeys(aliceSource());
        browser.find("#add-link").sendKeys(Keys.ENTER); // the keyboard submits the form

        WebElement row = downloadRow("small-file.bin");
        browser.await(LIMIT, d -> "COMPLETED".equals(row.getDomAttribute("data-state")));
        browser.await(LIMIT, d -> row.findElement(By.cssSelector(".percent")).getText().equals("100 %"));
        assertThat(row.findElement(By.tagName("progress")).getDomProperty("value")).isEqualTo("1");
        assertThat(row.findElement(By.cssSelector(".source-count")).getText()).isEqualTo("1");
        assertThat(row.findElement(By.cssSelector(".sources")).getAttribute("textContent"))
                .contains(aliceSource()).contains("3.0 MiB");
        assertThat(pieceMapPixelIsVerifiedGreen(row)).isTrue();

        DownloadView done = bob.bean(DownloadService.class).list().stream()
                .filter(d -> d.name().equals("small-file.bin")).findFirst().orElseThrow();
        assertThat(Files.mismatch(Path.of(done.path()), Path.of(share.path()))).isEqualTo(-1);
    }

    @Test
    void torrentFileChosenInThePageIsDownloaded() throws IOException {
        ShareView share = sharedByAlice("torrent-file.bin");
        // the same single-file torrent as Alice's share: same name, content and piece length
        Path torrent = Files.write(work.resolve("torrent-file.bin.torrent"),
                SeedFiles.torrent(Path.of(share.path()), 256 * 1024));
        browser.open(bob.url() + "/?" + System.nanoTime()); // a new document, not a hash change

        browser.find("#add-torrent").sendKeys(torrent.toString());
        browser.find("#add-sources").sendKeys(aliceSource());
        browser.find("#add-button").click();

        WebElement row = downloadRow("torrent-file.bin");
        browser.await(LIMIT, d -> row.findElement(By.cssSelector(".percent")).getText().equals("100 %"));
        assertThat(stateOf("torrent-file.bin")).isEqualTo(DownloadState.COMPLETED);
    }

    @Test
    void pauseResumeAndRateLimitFromThePage() {
        ShareView share = sharedByAlice("slow-file.bin");
        browser.open(bob.url() + "/?" + System.nanoTime() + "#settings");
        setDownloadLimitKib("16");
        await().atMost(LIMIT).until(() -> bob.bean(BandwidthLimits.class).getDownloadLimit() == 16 * 1024);

        browser.find("nav a[href='#downloads']").click();
        browser.find("#add-link").sendKeys(share.ed2kLink());
        browser.find("#add-sources").sendKeys(aliceSource());
        browser.find("#add-button").click();
        WebElement row = downloadRow("slow-file.bin");
        browser.await(LIMIT, d -> "DOWNLOADING".equals(row.getDomAttribute("data-state")));
        // the source's own rate, from the last few seconds, next to what it gave in all
        browser.await(LIMIT, d -> row.findElement(By.cssSelector(".sources")).getAttribute("textContent")
                .matches("(?s).*" + java.util.regex.Pattern.quote(aliceSource()) + " \\(p2pnet\\): [1-9][0-9.]* (B|KiB)/s, .*"));

        row.findElement(By.cssSelector("button[data-action=pause]")).click();
        browser.await(LIMIT, d -> "PAUSED".equals(row.getDomAttribute("data-state")));
        assertThat(stateOf("slow-file.bin")).isEqualTo(DownloadState.PAUSED);
        assertThat(row.findElement(By.cssSelector("button[data-action=pause]")).isEnabled()).isFalse();

        row.findElement(By.cssSelector("button[data-action=resume]")).click();
        browser.await(LIMIT, d -> !"PAUSED".equals(row.getDomAttribute("data-state")));
        assertThat(stateOf("slow-file.bin")).isIn(DownloadState.DOWNLOADING, DownloadState.QUEUED,
                DownloadState.COMPLETED);

        browser.find("nav a[href='#settings']").click();
        setDownloadLimitKib("0");
        browser.find("nav a[href='#downloads']").click();
        browser.await(LIMIT, d -> row.findElement(By.cssSelector(".percent")).getText().equals("100 %"));
        assertThat(stateOf("slow-file.bin")).isEqualTo(DownloadState.COMPLETED);
    }

    @Test
    void pageFitsANarrowPhoneScreenWithoutSideways() {
        browser.phoneScreen(360, 740);
        try {
            browser.open(alice.url() + "/#shares");
            browser.await(LIMIT, d -> d.findElements(By.cssSelector("#share-list .share")).size() == 3);
            JavascriptExecutor script = (JavascriptExecutor) browser.driver();
            assertThat(((Number) script.executeScript("return window.innerWidth;")).intValue()).isEqualTo(360);
            assertThat(((Number) script.executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;")).intValue()).isLessThanOrEqualTo(0);
            assertThat(browser.find("#share-list").getText()).contains("Copy ed2k link").contains("Copy magnet link");
        } finally {
            browser.desktopScreen();
        }
    }

    private void setDownloadLimitKib(String kib) {
        WebElement field = browser.find("#download-limit");
        browser.await(LIMIT, d -> !field.getDomProperty("value").isEmpty()); // loaded from the agent
        field.clear();
        field.sendKeys(kib);
        browser.find("#limits-form button[type=submit]").click();
        browser.await(LIMIT, d -> !d.findElement(By.id("error")).isDisplayed()
                && field.getDomProperty("value").equals(kib));
    }

    private WebElement downloadRow(String name) {
        return browser.await(LIMIT, d -> d.findElements(By.cssSelector("article.download")).stream()
                .filter(a -> a.findElement(By.cssSelector(".name")).getText().equals(name)).findFirst().orElse(null));
    }

    /** The canvas really is drawn: its middle pixel has the "verified" colour (#1a7f37). */
    private boolean pieceMapPixelIsVerifiedGreen(WebElement row) {
        WebElement canvas = row.findElement(By.cssSelector("canvas.pieces"));
        return browser.await(LIMIT, d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                const c = arguments[0];
                const p = c.getContext('2d').getImageData(Math.floor(c.width / 2), 5, 1, 1).data;
                return p[0] === 0x1a && p[1] === 0x7f && p[2] === 0x37;""", canvas));
    }

    private DownloadState stateOf(String name) {
        return bob.bean(DownloadService.class).list().stream().filter(d -> d.name().equals(name))
                .findFirst().orElseThrow().state();
    }

    private static String aliceSource() {
        return "127.0.0.1:" + alice.bean(TransferServer.class).port();
    }

    private static ShareView sharedByAlice(String name) {
        ShareService shares = alice.bean(ShareService.class);
        await().atMost(LIMIT).until(() -> shares.list().stream()
                .anyMatch(s -> s.name().equals(name) && s.state() == ShareState.SHARED));
        return shares.list().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
