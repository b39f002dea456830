package net.p2pnet.agent.download;

/** A source describes other content than the download's (size, pieces, hashset): never use it. */
public class SourceMismatchException extends java.io.IOException {

    public SourceMismatchException(String reason) {
        super(reason);
    }
}
