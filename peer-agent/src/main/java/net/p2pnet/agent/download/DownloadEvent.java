package net.p2pnet.agent.download;

import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;

/**
 * Published (as a Spring application event) when a download changes state and, at most about once a
 * second per download, when it makes progress. Listen with {@code @EventListener(DownloadEvent.class)}.
 *
 * @param id       the download id
 * @param state    its state now
 * @param progress verified fraction 0..1
 * @param download the whole view at that moment
 */
public record DownloadEvent(String id, DownloadState state, double progress, DownloadView download) {
}
