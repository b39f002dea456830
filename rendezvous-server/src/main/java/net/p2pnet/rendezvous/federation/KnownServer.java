package net.p2pnet.rendezvous.federation;

import java.time.Duration;
import java.time.Instant;
import net.p2pnet.model.api.ServerStatus;
import net.p2pnet.model.net.ServerAddress;

/** Mutable contact state of one other server; guarded by its own monitor. */
final class KnownServer {

    private final ServerAddress address;
    private ServerState state;
    private Instant unreachableSince;
    private Instant lastSync;
    private int failures;
    private Instant nextAttempt = Instant.EPOCH;

    KnownServer(ServerAddress address, ServerState state, Instant unreachableSince, Instant lastSync) {
        this.address = address;
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
        return !now.isBefore(nextAttempt);
    }

    /** True when the state changed. */
    synchronized boolean markUp(Instant now) {
        boolean changed = state != ServerState.UP;
        state = ServerState.UP;
        unreachableSince = null;
        lastSync = now;
        failures = 0;
        nextAttempt = Instant.EPOCH;
        return changed;
    }

    synchronized void synced(Instant now) {
        lastSync = now;
    }

    /** Records a failed contact and schedules the next one with exponential backoff. */
    synchronized boolean markFailed(ServerState newState, Instant now, Duration base, Duration max) {
        boolean changed = state != newState;
        if (newState == ServerState.UNREACHABLE && unreachableSince == null) {
            unreachableSince = now;
        }
        state = newState;
        failures = Math.min(failures + 1, 30);
        Duration wait = base.multipliedBy(1L << Math.min(failures - 1, 20));
        nextAttempt = now.plus(wait.compareTo(max) > 0 ? max : wait);
        return changed;
    }

    /** Forget the handshake (e.g. the other side stopped accepting our signatures): redo it now. */
    synchronized void needsHandshake() {
        if (state == ServerState.UP) {
            state = ServerState.UNKNOWN;
        }
        nextAttempt = Instant.EPOCH;
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
