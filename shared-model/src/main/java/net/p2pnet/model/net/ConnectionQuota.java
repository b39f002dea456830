package net.p2pnet.model.net;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places for connections a server holds open (each costs a socket and a thread): at most
 * {@code total} at once and at most {@code perAddress} from one IP address, so one host opening
 * sockets as fast as it can never takes the places every other host needs. A place taken with
 * {@link #tryAcquire} is given back with {@link #release}, exactly once.
 */
public final class ConnectionQuota {

    private final int total;
    private final int perAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();

    public ConnectionQuota(int total, int perAddress) {
        if (total < 1 || perAddress < 1) {
            throw new IllegalArgumentException("connection quotas must be at least 1");
        }
        this.total = total;
        this.perAddress = perAddress;
    }

    /** Takes a place for a connection from {@code address}; false when the address or the server is full. */
    public boolean tryAcquire(InetAddress address) {
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            return false;
        }
        boolean[] admitted = {false};
        byAddress.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            admitted[0] = count < perAddress;
            return admitted[0] ? count + 1 : n;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
        }
        return admitted[0];
    }

    /** Gives back a place {@link #tryAcquire} gave for {@code address}. */
    public void release(InetAddress address) {
        byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        open.decrementAndGet();
    }

    /** Places taken now. */
    public int open() {
        return open.get();
    }
}
