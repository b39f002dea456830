package net.p2pnet.model.api;

/** Body of {@code POST /api/v1/shares}: an absolute path to a file or a directory. */
public record AddShareRequest(String path) {
}
