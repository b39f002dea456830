package net.p2pnet.agent.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import net.p2pnet.agent.download.DownloadService;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;

/** Polling with a generous bound: a test waits for a condition, never asserts on how long it took. */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Waits until the download reaches {@code state}; fails early if it ends in another final state. */
    public static DownloadView state(DownloadService service, String id, DownloadState state, Duration limit) {
        Supplier<DownloadView> view = () -> service.get(id);
        until("download " + id + " to be " + state, limit, () -> {
            DownloadView now = view.get();
            if (now.state() == DownloadState.FAILED && state != DownloadState.FAILED) {
                throw new AssertionError("download failed: " + now.error());
            }
            return now.state() == state;
        });
        return view.get();
    }
}
