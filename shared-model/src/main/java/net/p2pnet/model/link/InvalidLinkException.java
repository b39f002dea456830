package net.p2pnet.model.link;

/** An ed2k or magnet link that cannot be used; the message says which part is wrong and why. */
public final class InvalidLinkException extends IllegalArgumentException {

    public InvalidLinkException(String message) {
        super(message);
    }

    public InvalidLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
