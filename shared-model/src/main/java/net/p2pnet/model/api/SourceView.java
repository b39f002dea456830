package net.p2pnet.model.api;

/**
 * One source of a download: where it is, which network it speaks, what it gave, whether it is
 * banned, and {@code rate}: bytes per second it delivered over the last few seconds.
 */
public record SourceView(String address, String network, long bytes, boolean banned, long rate) {
}
