package net.p2pnet.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import net.p2pnet.model.hash.HashProgress;

/**
 * Hashing progress on stderr, only when the user watches a terminal: one line rewritten in place
 * (carriage return), at most a few times a second, wiped when the file is done. Scripts and pipes
 * get clean output.
 */
public final class TerminalProgress implements HashProgress, AutoCloseable {

    private static final long INTERVAL_NANOS = 250_000_000L;
    private static final TerminalProgress SILENT = new TerminalProgress(null, null);

    private final String name;
    private final PrintWriter err;
    private long lastShown = System.nanoTime();
    private boolean shown;

    private TerminalProgress(String name, PrintWriter err) {
        this.name = name;
        this.err = err;
    }

    public static TerminalProgress forFile(Path file, PrintWriter err) {
        return onTerminal() ? new TerminalProgress(String.valueOf(file.getFileName()), err) : SILENT;
    }

    @Override
    public void progress(long bytesDone, long totalBytes) {
        long now = System.nanoTime();
        if (err == null || totalBytes <= 0 || now - lastShown < INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        shown = true;
        err.printf("\rhashing %s: %3d%% of %,d MB ", name, bytesDone * 100 / totalBytes, totalBytes >> 20);
        err.flush();
    }

    @Override
    public void close() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    /**
     * {@link System#console()} is null off a terminal up to Java 21; from Java 22 it may exist
     * anyway and {@code Console.isTerminal()} tells (called reflectively: we compile for 21).
     */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
