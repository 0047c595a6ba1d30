package org.claimwire.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.claimwire.ingest.formats.RejectedInput;

/**
 * Normalises a batch on all cores: the calling thread and up to {@code cores - 1} helpers take chunks
 * of the batch from a shared counter until none is left, so a batch never waits for a busy helper (the
 * caller alone finishes it). The step must be pure (no shared mutable state), so the outcome is the same
 * as one thread's; the pipeline takes its dedupe decisions afterwards, in input order. Knows nothing of
 * the pipeline: it runs a step over a list.
 */
final class ParallelNormaliser implements AutoCloseable {
    /** Batches smaller than this are normalised by the caller alone. */
    static final int MIN_PARALLEL = 32;
    private static final int CHUNK = 16;

    private final int helpers;
    private final ExecutorService pool;

    ParallelNormaliser(int cores) {
        this.helpers = Math.max(0, cores - 1);
        this.pool = helpers == 0 ? null : Executors.newFixedThreadPool(helpers, r -> {
            Thread t = new Thread(r, "ingest-normalise");
            t.setDaemon(true);
            return t;
        });
    }

    /** What {@link #normaliseAll} runs on one input: may refuse it by throwing {@link RejectedInput}. */
    @FunctionalInterface
    interface Step<I, T> {
        T apply(I input);
    }

    /** One input's outcome: the step's value, or the reason the input was refused (exactly one is set). */
    record Prepared<T>(T value, RejectedInput refused) {
    }

    /** The step applied to every input, outcomes by input index. */
    <I, T> List<Prepared<T>> normaliseAll(List<I> inputs, Step<? super I, ? extends T> step) {
        int n = inputs.size();
        @SuppressWarnings("unchecked")
        Prepared<T>[] out = (Prepared<T>[]) new Prepared<?>[n];
        if (n < MIN_PARALLEL || pool == null) {
            for (int i = 0; i < n; i++) {
                out[i] = one(inputs.get(i), step);
            }
            return Arrays.asList(out);
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(chunks);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int c; (c = next.getAndIncrement()) < chunks; ) {
                try {
                    for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                        out[i] = one(inputs.get(i), step);
                    }
                } catch (RuntimeException e) { // a bug, not bad input: fail the request as one thread would
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int h = 0; h < helpers; h++) {
            try {
                pool.execute(worker);
            } catch (RejectedExecutionException shuttingDown) {
                break;
            }
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while normalising", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return Arrays.asList(out);
    }

    private static <I, T> Prepared<T> one(I input, Step<? super I, ? extends T> step) {
        try {
            return new Prepared<>(step.apply(input), null);
        } catch (RejectedInput e) {
            return new Prepared<>(null, e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
