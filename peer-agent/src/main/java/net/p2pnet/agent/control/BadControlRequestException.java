package net.p2pnet.agent.control;

/** A control request whose parameters make no sense (400), said in words the caller can act on. */
public class BadControlRequestException extends RuntimeException {
    public BadControlRequestException(String message) {
        super(message);
    }
}
