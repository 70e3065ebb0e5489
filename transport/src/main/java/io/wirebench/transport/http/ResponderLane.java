package io.wirebench.transport.http;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One endpoint's service concurrency on a server whose threads are shared by all its endpoints (Jetty's
 * pool): at most {@code responders} of the endpoint's requests are handled at once, as each endpoint has
 * its own {@code responders} dispatchers, workers or channels on the other transports. A request that
 * finds a free place runs at once on the thread that brought it (no hand-off); one that does not is
 * queued, and the thread returns at once (never waits, so an endpoint whose handlers call another
 * endpoint of the same server cannot starve it); a thread that finishes a request takes the queued ones
 * before it gives its place back.
 */
final class ResponderLane {
    private final int responders;
    private final AtomicInteger running = new AtomicInteger();
    private final Queue<Runnable> backlog = new ConcurrentLinkedQueue<>();

    ResponderLane(int responders) {
        if (responders < 1) {
            throw new IllegalArgumentException("responders must be at least 1, not " + responders);
        }
        this.responders = responders;
    }

    /** Runs {@code work} now on this thread if the lane has a free place, else queues it for the next thread that frees one. */
    void submit(Runnable work) {
        if (tryEnter()) {
            runThenDrain(work);
            return;
        }
        backlog.add(work);
        // a place may have been freed between the try and the add: whoever holds it now drains what is queued
        if (tryEnter()) {
            runThenDrain(null);
        }
    }

    private boolean tryEnter() {
        while (true) {
            int now = running.get();
            if (now >= responders) {
                return false;
            }
            if (running.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private void runThenDrain(Runnable first) {
        Runnable next = first;
        while (true) {
            try {
                if (next != null) {
                    next.run();
                }
                while ((next = backlog.poll()) != null) {
                    next.run();
                }
            } finally {
                running.decrementAndGet();
            }
            // work queued after the last poll but before the place was given back must not wait for the next request
            if (backlog.isEmpty() || !tryEnter()) {
                return;
            }
            next = null;
        }
    }

    /** Requests handled right now (at most {@code responders}). */
    int running() {
        return running.get();
    }
}
