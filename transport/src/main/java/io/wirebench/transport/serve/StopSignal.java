package io.wirebench.transport.serve;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** How a serve command ends: {@link #stop()}, a signal (SIGTERM, Ctrl-C: through a shutdown hook), or its time running out. */
public final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    public void stop() {
        stopped.countDown();
    }

    /** Waits until stopped, or {@code seconds} (0: no limit); the shutdown hook it installs is removed again. */
    public void await(long seconds) throws InterruptedException {
        Thread hook = new Thread(stopped::countDown, "serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (seconds > 0) {
                stopped.await(seconds, TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }
}
