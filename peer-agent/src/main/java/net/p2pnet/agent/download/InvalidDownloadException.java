package net.p2pnet.agent.download;

/**
 * A download cannot be added: malformed link, unusable or hostile torrent, unknown content. The
 * message says what is wrong in words a user can act on. Maps to 400 (or 422).
 */
public class InvalidDownloadException extends RuntimeException {
    public InvalidDownloadException(String message) {
        super(message);
    }

    public InvalidDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
