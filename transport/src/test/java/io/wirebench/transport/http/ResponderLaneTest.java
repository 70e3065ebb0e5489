package io.wirebench.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An endpoint's lane: never more than its responders at once, a full lane queues without holding the caller, nothing is lost. */
class ResponderLaneTest {

    @Test
    void atMostRespondersRunAtOnceAndEveryQueuedRequestRuns() throws Exception {
        ResponderLane lane = new ResponderLane(3);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService server = Executors.newFixedThreadPool(10); // Jetty's threads
        try {
            for (int i = 0; i < 200; i++) {
                server.execute(() -> lane.submit(() -> {
                    most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    concurrent.decrementAndGet();
                    done.incrementAndGet();
                }));
            }
            Thread.sleep(200);
            assertEquals(3, lane.running(), "three places, all taken");
            release.countDown();
            server.shutdown();
            assertTrue(server.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(200, done.get(), "every request ran, queued ones included");
            assertEquals(3, most.get());
            assertEquals(0, lane.running());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aFullLaneQueuesWithoutHoldingTheThreadSoAnotherEndpointStillRuns() throws Exception {
        // the gateway's handlers call another endpoint of the same server: with the gateway's lane full, the
        // thread bringing one more gateway request returns at once and the other endpoint is still served
        ResponderLane gateway = new ResponderLane(1);
        ResponderLane validate = new ResponderLane(1);
        CountDownLatch validated = new CountDownLatch(1);
        ExecutorService server = Executors.newFixedThreadPool(3);
        try {
            server.execute(() -> gateway.submit(() -> {
                server.execute(() -> validate.submit(validated::countDown));
                try {
                    assertTrue(validated.await(5, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            long start = System.nanoTime();
            CountDownLatch queued = new CountDownLatch(1);
            server.execute(() -> {
                gateway.submit(() -> { });
                queued.countDown();
            });
            assertTrue(queued.await(5, TimeUnit.SECONDS), "submitting to a full lane returned");
            assertTrue(validated.await(5, TimeUnit.SECONDS), "the other endpoint was served");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        } finally {
            server.shutdown();
            assertTrue(server.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aLaneNeedsAResponder() {
        assertThrows(IllegalArgumentException.class, () -> new ResponderLane(0));
    }
}
