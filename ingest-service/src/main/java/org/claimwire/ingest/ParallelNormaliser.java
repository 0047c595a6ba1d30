package org.claimwire.ingest;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.claimwire.ingest.formats.RejectedInput;
import org.claimwire.ingest.formats.StoryNormaliser;

/**
 * Normalises a batch on all cores: the calling thread and up to {@code cores - 1} helpers take chunks
 * of the batch from a shared counter until none is left, so a batch never waits for a busy helper (the
 * caller alone finishes it). Normalisation is pure (no shared mutable state), so the outcome is the same
 * as one thread's; dedupe decisions are taken afterwards in input order.
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

    /**
     * Normalised stories by input index; a null entry means the input was refused and
     * {@code results[i]} holds the rejection.
     */
    StoryNormaliser.Normalised[] normaliseAll(List<IngestPipeline.Input> inputs, StoryNormaliser normaliser,
            IngestPipeline.Result[] results) {
        int n = inputs.size();
        StoryNormaliser.Normalised[] out = new StoryNormaliser.Normalised[n];
        if (n < MIN_PARALLEL || pool == null) {
            for (int i = 0; i < n; i++) {
                one(inputs, normaliser, results, out, i);
            }
            return out;
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(chunks);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int c; (c = next.getAndIncrement()) < chunks; ) {
                try {
                    for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                        one(inputs, normaliser, results, out, i);
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
        return out;
    }

    private static void one(List<IngestPipeline.Input> inputs, StoryNormaliser normaliser,
            IngestPipeline.Result[] results, StoryNormaliser.Normalised[] out, int i) {
        IngestPipeline.Input in = inputs.get(i);
        try {
            out[i] = normaliser.normalise(in.draft(), in.feedId());
        } catch (RejectedInput e) {
            results[i] = IngestPipeline.Result.rejected(e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
