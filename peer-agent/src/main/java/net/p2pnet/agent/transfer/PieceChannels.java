package net.p2pnet.agent.transfer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * The {@link PieceChannel}s to other agents: idle ones kept per agent for the next request, and a
 * watch that closes a busy one whose agent has sent nothing for the read timeout (a channel read
 * has no timeout of its own; closing it ends the read with an error).
 */
final class PieceChannels implements AutoCloseable {

    /** Idle connections kept per agent: its workers' requests in flight at once. */
    static final int MAX_IDLE_PER_AGENT = 8;
    /** The agent closes a connection idle for 30 s; we stop reusing one well before. */
    static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final long readTimeoutNanos;
    private final Map<InetSocketAddress, Deque<PieceChannel>> idle = new ConcurrentHashMap<>();
    private final Set<PieceChannel> busy = ConcurrentHashMap.newKeySet();
    private final Thread watch;

    PieceChannels(Duration readTimeout) {
        this.readTimeoutNanos = readTimeout.toNanos();
        this.watch = Thread.ofPlatform().daemon().name("transfer-read-timeouts").start(this::watch);
    }

    /** A kept connection to {@code agent}, or null. */
    PieceChannel take(InetSocketAddress agent) {
        Deque<PieceChannel> kept = idle.get(agent);
        for (PieceChannel channel = kept == null ? null : kept.pollFirst(); channel != null; channel = kept.pollFirst()) {
            if (channel.idleNanos() < MAX_IDLE_NANOS && channel.reusable()) {
                return channel;
            }
            channel.close();
        }
        return null;
    }

    void started(PieceChannel channel) {
        channel.startedRequest();
        busy.add(channel);
    }

    void finished(PieceChannel channel) {
        busy.remove(channel);
    }

    /** Keeps a connection whose answer was read whole, else closes it. */
    void release(PieceChannel channel) {
        if (!channel.reusable()) {
            channel.close();
            return;
        }
        Deque<PieceChannel> kept = idle.computeIfAbsent(channel.address(), a -> new ConcurrentLinkedDeque<>());
        channel.markIdle();
        kept.offerFirst(channel);
        while (kept.size() > MAX_IDLE_PER_AGENT) {
            PieceChannel extra = kept.pollLast();
            if (extra != null) {
                extra.close();
            }
        }
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            for (PieceChannel channel : busy) {
                if (channel.nanosSinceProgress() > readTimeoutNanos) {
                    channel.close();
                }
            }
        }
    }

    @Override
    public void close() {
        watch.interrupt();
        idle.values().forEach(kept -> kept.forEach(PieceChannel::close));
        idle.clear();
    }
}
