package net.p2pnet.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.p2pnet.agent.support.RunningAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A browser that cannot send the bearer token (loopback not trusted, as for another machine) logs in
 * with the API token, uses the page live, and logs out.
 */
@Tag("interop")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LoginBrowserTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String TOKEN = "correct-horse-battery";

    @TempDir
    Path work;
    private RunningAgent agent;
    private Browser browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    @BeforeEach
    void start() {
        agent = RunningAgent.start(work, "p2pnet.agent.control.trust-loopback=false",
                "p2pnet.agent.control.api-token=" + TOKEN, "p2pnet.agent.control.allowed-addresses=127.0.0.0/8,::1");
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        agent.close();
    }

    @Test
    void logInWithTheTokenUseThePageAndLogOut() {
        browser.open(agent.url() + "/");
        browser.await(LIMIT, d -> d.getCurrentUrl().equals(agent.url() + "/login"));

        browser.find("#token").sendKeys("not-the-token", Keys.ENTER);
        browser.await(LIMIT, d -> !d.findElements(By.id("login-error")).isEmpty());
        assertThat(browser.find("#login-error").getText()).contains("wrong API token");
        assertThat(browser.driver().manage().getCookies()).isEmpty();

        browser.find("#token").sendKeys(TOKEN, Keys.ENTER);
        browser.await(LIMIT, d -> d.getCurrentUrl().equals(agent.url() + "/"));
        browser.await(LIMIT, d -> d.findElement(By.id("live")).getText().equals("live")); // the SSE stream is open
        browser.await(LIMIT, d -> d.findElement(By.id("logout-form")).isDisplayed());
        assertThat(browser.driver().manage().getCookieNamed("p2pnet_session").isHttpOnly()).isTrue();

        browser.find("nav a[href='#settings']").click();
        browser.await(LIMIT, d -> d.findElement(By.id("network-status")).getText().contains("registered"));
        assertThat(browser.find("#error").isDisplayed()).isFalse();

        browser.find("#logout-form button").click();
        browser.await(LIMIT, d -> d.getCurrentUrl().equals(agent.url() + "/login"));
        browser.open(agent.url() + "/#downloads");
        // a redirect keeps the fragment: /login#downloads
        browser.await(LIMIT, d -> d.getCurrentUrl().startsWith(agent.url() + "/login"));
        assertThat(browser.find("#token").isDisplayed()).isTrue();
    }
}
