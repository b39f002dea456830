package net.p2pnet.agent.upstream;

/**
 * A tracker, rendezvous or chatroom service was unreachable or answered with an error; the
 * message names the service and what it said.
 */
public class UpstreamException extends RuntimeException {

    private final int status;

    public UpstreamException(String message) {
        this(message, 0);
    }

    public UpstreamException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public UpstreamException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the service answered, 0 when it did not answer at all. */
    public int status() {
        return status;
    }
}
