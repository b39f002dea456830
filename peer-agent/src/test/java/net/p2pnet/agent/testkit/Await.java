package net.p2pnet.agent.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import net.p2pnet.agent.download.DownloadService;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;

/**
 * Awaitility with a generous bound and the agent's usual conditions: a test waits for a condition,
 * never asserts on how long it took.
 */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
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
