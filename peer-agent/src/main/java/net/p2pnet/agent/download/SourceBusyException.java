package net.p2pnet.agent.download;

/** A source asked us to come back later (HTTP 503 with Retry-After, all upload slots taken). */
public class SourceBusyException extends java.io.IOException {

    private final int retryAfterSeconds;

    public SourceBusyException(int retryAfterSeconds, String message) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
