package net.p2pnet.agent.share;

/** A share request that cannot be honoured: missing path, relative path, unknown share. */
public class ShareException extends RuntimeException {

    private final boolean notFound;

    public ShareException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }
}
