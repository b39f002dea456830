package net.p2pnet.rendezvous.federation;

/** What this server knows of another rendezvous server. */
public enum ServerState {
    /** Listed (SERVERS file, another server's list) but no handshake yet. */
    UNKNOWN,
    /** Proved the same network secret; directories are exchanged. */
    UP,
    /** Did not answer the last contact; retried with backoff, its entries are kept until they expire. */
    UNREACHABLE,
    /** Failed the secret handshake: another network. Retried rarely, never given any directory. */
    REFUSED
}
