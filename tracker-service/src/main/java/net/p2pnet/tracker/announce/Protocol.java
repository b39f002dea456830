package net.p2pnet.tracker.announce;

/** How a request reached the tracker; a metric tag. */
public enum Protocol {
    HTTP, UDP;

    public String tag() {
        return this == HTTP ? "http" : "udp";
    }
}
