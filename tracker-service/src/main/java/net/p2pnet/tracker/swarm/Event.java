package net.p2pnet.tracker.swarm;

/** The announce {@code event} (BEP 3); UDP numbers them 0..3 (BEP 15), HTTP names them. */
public enum Event {
    NONE, COMPLETED, STARTED, STOPPED;

    /** The lower-case name used as the metric tag and in HTTP; {@code none} for a regular announce. */
    public String tag() {
        return switch (this) {
            case NONE -> "none";
            case COMPLETED -> "completed";
            case STARTED -> "started";
            case STOPPED -> "stopped";
        };
    }
}
