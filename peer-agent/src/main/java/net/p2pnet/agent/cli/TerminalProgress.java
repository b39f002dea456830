package net.p2pnet.agent.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import net.p2pnet.model.torrent.TorrentWriter;

/**
 * Hashing progress on stderr, only when a person watches (a terminal) and the input is big enough
 * to make them wait; scripts and pipes get clean output. Redraws only when the whole percentage
 * changes, so a fast hash costs at most 100 writes.
 */
final class TerminalProgress implements TorrentWriter.Progress {

    /** Below this, hashing takes well under a second here: a progress line would only flicker. */
    static final long BIG_INPUT = 64L << 20;

    private final PrintWriter err;
    private int shownPercent = -1;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    static TorrentWriter.Progress forInput(long totalBytes, PrintWriter err) {
        return totalBytes >= BIG_INPUT && isTerminal() ? new TerminalProgress(err) : TorrentWriter.Progress.NONE;
    }

    @Override
    public void hashed(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent != shownPercent) {
            shownPercent = percent;
            err.printf("\rhashing %3d%% (%d of %d MiB)", percent, done >> 20, total >> 20);
            if (done == total) {
                err.println();
            }
            err.flush();
        }
    }

    /**
     * From JDK 22 {@code System.console()} is non-null even when redirected and
     * {@code Console.isTerminal()} tells; we compile for 21, where a null console means no terminal,
     * so the newer method is looked up reflectively.
     */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
