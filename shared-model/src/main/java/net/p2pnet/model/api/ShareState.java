package net.p2pnet.model.api;

/** Life cycle of a shared file in an agent: hashed once, then served. */
public enum ShareState {
    HASHING, SHARED, FAILED
}
