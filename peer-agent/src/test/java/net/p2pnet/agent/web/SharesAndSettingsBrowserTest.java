package net.p2pnet.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.p2pnet.agent.share.ShareService;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.transfer.TransferServer;
import net.p2pnet.model.api.ShareRootView;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The Settings view's shared directories (configured vs added here) and the Shares view's upload counters. */
@Tag("interop")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SharesAndSettingsBrowserTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;
    static Path configured;
    static RunningAgent agent;
    static Browser browser;

    @RegisterExtension
    static final ScreenshotOnFailure SCREENSHOTS = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void start() throws IOException {
        configured = Files.createDirectories(work.resolve("configured"));
        SeedFiles.randomFile(configured.resolve("served.bin"), 1L << 20, 31);
        agent = RunningAgent.start(work.resolve("agent"), "p2pnet.agent.shared-dirs=" + configured,
                "p2pnet.agent.share.piece-length=256KB", "p2pnet.agent.share.upload-flush-interval=200ms");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void settingsListTheRootsAndAddAndRemoveOnlyThoseAddedHere() throws IOException {
        Path extra = Files.createDirectories(work.resolve("extra"));
        Files.writeString(extra.resolve("notes.txt"), "shared from the page");
        browser.open(agent.url() + "/?" + System.nanoTime() + "#settings");

        List<WebElement> first = roots(1);
        assertThat(first.getFirst().getDomAttribute("data-origin")).isEqualTo("CONFIGURED");
        assertThat(first.getFirst().getText()).contains(configured.toString()).contains("configuration");
        assertThat(first.getFirst().findElements(By.tagName("button"))).isEmpty();

        browser.find("#share-dir").sendKeys(extra.toString(), Keys.ENTER);
        List<WebElement> both = roots(2);
        WebElement added = both.get(1);
        assertThat(added.getDomAttribute("data-origin")).isEqualTo("API");
        assertThat(added.getText()).contains(extra.toString());

        added.findElement(By.tagName("button")).click();
        roots(1);
        assertThat(agent.bean(ShareService.class).roots()).extracting(ShareRootView::path)
                .containsExactly(configured.toString());
        assertThat(browser.find("#error").isDisplayed()).isFalse();
    }

    @Test
    void sharesShowHowMuchOfEachFileWasUploadedLive() throws Exception {
        ShareView share = shared("served.bin");
        browser.open(agent.url() + "/?" + System.nanoTime() + "#shares");
        WebElement card = browser.await(LIMIT, d -> d.findElements(By.cssSelector("#share-list .share")).stream()
                .filter(a -> a.getText().contains("served.bin")).findFirst().orElse(null));
        assertThat(card.findElement(By.cssSelector(".meta")).getText()).contains("uploaded 0 B");

        String url = "http://127.0.0.1:" + agent.bean(TransferServer.class).port() + "/files/" + share.infoHash()
                + "/served.bin";
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.body()).hasSize(1 << 20);

        browser.await(LIMIT, d -> d.findElements(By.cssSelector("#share-list .share .meta")).stream()
                .anyMatch(m -> m.getText().contains("uploaded 1.0 MiB")));
    }

    private List<WebElement> roots(int count) {
        return browser.await(LIMIT, d -> {
            List<WebElement> items = d.findElements(By.cssSelector("#share-roots li[data-origin]"));
            return items.size() == count ? items : null;
        });
    }

    private static ShareView shared(String name) {
        ShareService shares = agent.bean(ShareService.class);
        org.awaitility.Awaitility.await().atMost(LIMIT).until(() -> shares.list().stream()
                .anyMatch(s -> s.name().equals(name) && s.state() == ShareState.SHARED));
        return shares.list().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
