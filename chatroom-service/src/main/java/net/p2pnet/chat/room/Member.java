package net.p2pnet.chat.room;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A peer present in a room under a nickname. Presence is kept in memory only: after a restart every
 * agent joins again, as HeavyMole clients re-registered with their server.
 */
public final class Member {

    private final String peerId;
    private final String nickname;
    private final Instant joinedAt;
    private final AtomicInteger openStreams = new AtomicInteger();
    private volatile Instant lastSeen;

    public Member(String peerId, String nickname, Instant joinedAt) {
        this.peerId = peerId;
        this.nickname = nickname;
        this.joinedAt = joinedAt;
        this.lastSeen = joinedAt;
    }

    public String peerId() {
        return peerId;
    }

    public String nickname() {
        return nickname;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public void seen(Instant now) {
        lastSeen = now;
    }

    public void streamOpened() {
        openStreams.incrementAndGet();
    }

    public void streamClosed(Instant now) {
        openStreams.decrementAndGet();
        lastSeen = now;
    }

    /** A member with an open event stream is present; otherwise until {@code timeout} after last sign of life. */
    public boolean expired(Instant now, Duration timeout) {
        return openStreams.get() <= 0 && lastSeen.plus(timeout).isBefore(now);
    }
}
