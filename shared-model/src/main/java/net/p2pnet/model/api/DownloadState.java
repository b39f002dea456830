package net.p2pnet.model.api;

/** Life cycle of a download in an agent. */
public enum DownloadState {
    QUEUED, DOWNLOADING, PAUSED, COMPLETED, FAILED
}
