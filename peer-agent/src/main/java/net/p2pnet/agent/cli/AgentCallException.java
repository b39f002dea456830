package net.p2pnet.agent.cli;

/** A control-API call failed; the message is what the CLI prints. */
final class AgentCallException extends RuntimeException {
    AgentCallException(String message) {
        super(message);
    }
}
