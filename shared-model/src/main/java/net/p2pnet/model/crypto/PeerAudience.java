package net.p2pnet.model.crypto;

import java.util.Locale;

/**
 * Who a peer ticket, and a request signed with a peer's key, is meant for. A ticket names the
 * audiences that accept it; a signature names the one it was made for, so a signed request seen by
 * one kind of service cannot be replayed at another.
 */
public enum PeerAudience {
    /** Rendezvous servers: heartbeats, leaving, look-ups, neighbours. */
    RENDEZVOUS,
    /** The tracker's ticket-authenticated API (announces use the passkey). */
    TRACKER,
    /** Chatroom services. */
    CHATROOM,
    /** Other agents' transfer ports (a private network). */
    AGENT;

    /** The label inside signatures: the lower-case name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
