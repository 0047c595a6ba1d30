package org.claimwire.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WorkLaneTest {

    @Test
    void fullQueueRefusesAtOnceAndAWaiterGivesUpAfterItsTime() throws Exception {
        WorkLane lane = new WorkLane("rest", 1, 1, Duration.ofMillis(2000));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> lane.run(() -> {
                running.countDown();
                await(release);
                return "first";
            }));
            running.await();
            Future<String> waiter = pool.submit(() -> lane.run(() -> "second"));
            while (lane.waiting() == 0) {
                Thread.sleep(5);
            }
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> lane.run(() -> "third")).isInstanceOf(WorkLane.Full.class).hasMessageContaining("queue");
            assertThat((System.nanoTime() - t0) / 1_000_000).as("refused at once").isLessThan(1500);
            assertThatThrownBy(waiter::get).hasCauseInstanceOf(WorkLane.Full.class).hasMessageContaining("within 2000 ms");
            release.countDown();
            assertThat(first.get()).isEqualTo("first");
            assertThat(lane.run(() -> "later")).isEqualTo("later");
            assertThat(lane.waiting()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnboundedLaneWaits() throws Exception {
        WorkLane lane = new WorkLane("kafka", 1, -1, null);
        assertThat(lane.run(() -> 1)).isEqualTo(1);
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
