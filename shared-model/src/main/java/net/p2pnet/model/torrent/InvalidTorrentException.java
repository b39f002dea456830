package net.p2pnet.model.torrent;

/**
 * A {@code .torrent} that cannot be used: malformed bencode (the cause, with its byte offset), a
 * missing or mistyped field, an unsafe file path, or piece hashes that do not match the content
 * length. The message names the offending entry, e.g. {@code info.files[2].path}.
 */
public final class InvalidTorrentException extends RuntimeException {

    public InvalidTorrentException(String message) {
        super(message);
    }

    public InvalidTorrentException(String message, Throwable cause) {
        super(message, cause);
    }
}
