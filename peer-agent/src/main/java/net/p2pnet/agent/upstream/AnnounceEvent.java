package net.p2pnet.agent.upstream;

/** The {@code event} parameter of an announce (BEP 3); {@code NONE} is a regular re-announce. */
public enum AnnounceEvent {
    STARTED("started"), COMPLETED("completed"), STOPPED("stopped"), NONE("");

    private final String wire;

    AnnounceEvent(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }
}
