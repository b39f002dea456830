package net.p2pnet.model.crypto;

/**
 * What a sub-key of the {@link NetworkKey} is for. Each purpose gets its own HKDF output (RFC 5869
 * "info" parameter), so a MAC made for one purpose is never accepted for another: a peer ticket
 * cannot be replayed as a federation signature, a tracker passkey cannot be turned into a ticket.
 */
public enum KeyPurpose {
    /** Handshake proofs and signed requests between rendezvous servers. */
    FEDERATION("federation"),
    /**
     * The 32-byte seed of the Ed25519 key pair that signs peer tickets: every server of the network
     * derives the same pair, and agents, which never hold the secret, verify with the public half.
     */
    PEER_TICKET_SIGNING("peer-ticket-ed25519"),
    /**
     * The MAC that servers holding the secret check on a peer ticket instead of its signature: a
     * MAC costs about a microsecond, an Ed25519 verification about ninety.
     */
    PEER_TICKET_MAC("peer-ticket-mac"),
    /** Passkeys a private tracker takes in its announce URL. */
    TRACKER_PASSKEY("tracker-passkey"),
    /** Signed calls from other services (chatroom announcing rooms) to a rendezvous server. */
    SERVICE_CREDENTIAL("service-credential"),
    /** The join key agents present when they register (when not configured explicitly). */
    JOIN_KEY("join-key"),
    /** The printable fingerprint operators compare to check they share a secret. */
    FINGERPRINT("fingerprint");

    private final String label;

    KeyPurpose(String label) {
        this.label = label;
    }

    /** The HKDF info label; part of the protocol, never change it. */
    public String label() {
        return label;
    }
}
