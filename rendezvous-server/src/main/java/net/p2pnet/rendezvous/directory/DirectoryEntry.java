package net.p2pnet.rendezvous.directory;

import java.time.Instant;

/**
 * An entry of a federated directory (a peer or a room). Only versions decide between two copies of
 * the same key, so updates may arrive in any order, twice, or through anti-entropy long after.
 */
public interface DirectoryEntry {

    /** Unique key in its directory. */
    String key();

    /** Orders the copies of one key; see {@link Versions}. */
    long version();

    /** The server that owns the entry (where the peer registered, where the room was announced). */
    String homeServer();

    /** When the owner last confirmed it; it expires a TTL later on every server alike. */
    Instant refreshedAt();

    /** A tombstone: the entry was removed (peer left, room closed) and the removal must propagate. */
    boolean removed();

    /** Same content apart from version and refresh time: the change is a mere refresh (a heartbeat). */
    boolean sameContent(DirectoryEntry other);
}
