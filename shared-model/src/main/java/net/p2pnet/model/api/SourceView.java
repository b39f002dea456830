package net.p2pnet.model.api;

/** One source of a download: where it is, which network it speaks, what it gave, whether it is banned. */
public record SourceView(String address, String network, long bytes, boolean banned) {
}
