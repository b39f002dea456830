package net.p2pnet.rendezvous.federation;

import java.time.Instant;
import net.p2pnet.model.api.ServerStatus;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.support.retry.Backoff;

/** Mutable contact state of one other server; guarded by its own monitor. */
final class KnownServer {

    private final ServerAddress address;
    private ServerState state;
    private Instant unreachableSince;
    private Instant lastSync;
    private final Backoff backoff;

    KnownServer(ServerAddress address, ServerState state, Instant unreachableSince, Instant lastSync, Backoff backoff) {
        this.address = address;
        this.backoff = backoff;
        this.state = state;
        this.unreachableSince = unreachableSince;
        this.lastSync = lastSync;
    }

    ServerAddress address() {
        return address;
    }

    synchronized ServerState state() {
        return state;
    }

    synchronized boolean due(Instant now) {
        return backoff.ready(now);
    }

    /** True when the state changed. */
    synchronized boolean markUp(Instant now) {
        boolean changed = state != ServerState.UP;
        state = ServerState.UP;
        unreachableSince = null;
        lastSync = now;
        backoff.succeeded();
        return changed;
    }

    synchronized void synced(Instant now) {
        lastSync = now;
    }

    /** Records a failed contact and schedules the next one with exponential backoff. */
    synchronized boolean markFailed(ServerState newState, Instant now) {
        boolean changed = state != newState;
        if (newState == ServerState.UNREACHABLE && unreachableSince == null) {
            unreachableSince = now;
        }
        state = newState;
        backoff.failed(now);
        return changed;
    }

    /** Forget the handshake (e.g. the other side stopped accepting our signatures): redo it now. */
    synchronized void needsHandshake() {
        if (state == ServerState.UP) {
            state = ServerState.UNKNOWN;
        }
        backoff.retryNow();
    }

    synchronized ServerStatus status() {
        return new ServerStatus(address.toString(), state.name(), unreachableSince, lastSync);
    }

    synchronized Instant unreachableSince() {
        return unreachableSince;
    }

    synchronized Instant lastSync() {
        return lastSync;
    }
}
