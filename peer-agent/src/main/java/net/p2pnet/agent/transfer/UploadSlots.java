package net.p2pnet.agent.transfer;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Upload slots with a bounded wait queue (see {@link TransferProperties}). */
final class UploadSlots {

    private final Semaphore slots;
    private final int queueLength;
    private final long waitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    UploadSlots(TransferProperties properties) {
        this.slots = new Semaphore(properties.slots(), true);
        this.queueLength = properties.queue();
        this.waitMillis = TimeUnit.SECONDS.toMillis(properties.queueWaitSeconds());
    }

    /** Takes a slot, waiting in the queue if there is room; false means "busy, come back later". */
    boolean tryAcquire() throws InterruptedException {
        if (slots.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > queueLength) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } finally {
            waiting.decrementAndGet();
        }
    }

    void release() {
        slots.release();
    }

    int inUse(int total) {
        return total - slots.availablePermits();
    }
}
