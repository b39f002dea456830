package net.p2pnet.agent.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Saves what the browser showed when a test failed, as {@code target/screenshots/<Class>-<test>.png}
 * the page's HTML and its console log next to it: a failed browser test is otherwise hard to understand. Runs
 * after the test method and before {@code @AfterEach}, so the browser is still open.
 */
public final class ScreenshotOnFailure implements AfterTestExecutionCallback {

    static final Path DIRECTORY = Path.of("target", "screenshots");

    private final Supplier<Browser> browser;

    public ScreenshotOnFailure(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        Browser current = browser.get();
        if (context.getExecutionException().isEmpty() || current == null) {
            return;
        }
        Files.createDirectories(DIRECTORY);
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Files.write(DIRECTORY.resolve(name + ".png"), current.screenshot());
            Files.writeString(DIRECTORY.resolve(name + ".html"), current.pageSource(), StandardCharsets.UTF_8);
            Files.writeString(DIRECTORY.resolve(name + ".console.log"), current.consoleLog(), StandardCharsets.UTF_8);
        } catch (RuntimeException e) { // a crashed browser must not hide the test's own failure
            context.getExecutionException().get().addSuppressed(e);
        }
    }
}
