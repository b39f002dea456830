package net.p2pnet.agent.share;

/** An attempt to remove, through the API, a root that {@code p2pnet.agent.shared-dirs} configures (409). */
public class ConfiguredRootException extends ShareException {

    public ConfiguredRootException(String message) {
        super(message, false);
    }
}
