package net.p2pnet.cli.agent;

/** A control-API call failed; the message is what the CLI prints. */
public final class AgentCallException extends RuntimeException {

    /** The HTTP status of the refusal, 0 when there was no answer. */
    private final int status;

    AgentCallException(String message) {
        this(message, 0);
    }

    AgentCallException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
