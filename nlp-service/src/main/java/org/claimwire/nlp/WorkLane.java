package org.claimwire.nlp;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Slots for one kind of work with a bounded queue in front: at most {@code slots} run at once, at most
 * {@code queue} wait, and a waiter gives up after {@code maxWait}. REST and Kafka each have their own lane,
 * so a flood of one never makes the other wait.
 */
public final class WorkLane {
    /** No slot was free and the queue was full, or the wait ran out. */
    public static final class Full extends RuntimeException {
        public Full(String message) {
            super(message);
        }
    }

    private final String name;
    private final Semaphore slots;
    private final int queue;
    private final long maxWaitNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    /** {@code queue} &lt; 0: unbounded; {@code maxWait} null: wait as long as it takes. */
    public WorkLane(String name, int slots, int queue, Duration maxWait) {
        this.name = name;
        this.slots = new Semaphore(Math.max(1, slots), true);
        this.queue = queue;
        this.maxWaitNanos = maxWait == null ? -1 : maxWait.toNanos();
    }

    public <T> T run(Supplier<T> work) throws InterruptedException {
        if (!slots.tryAcquire()) {
            if (queue >= 0 && waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                throw new Full(name + ": all " + queue + " places in the queue are taken");
            }
            if (queue < 0) {
                waiting.incrementAndGet();
            }
            try {
                if (maxWaitNanos < 0) {
                    slots.acquire();
                } else if (!slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                    throw new Full(name + ": no slot became free within " + Duration.ofNanos(maxWaitNanos).toMillis() + " ms");
                }
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    public int waiting() {
        return waiting.get();
    }

    public int running(int capacity) {
        return capacity - slots.availablePermits();
    }
}
