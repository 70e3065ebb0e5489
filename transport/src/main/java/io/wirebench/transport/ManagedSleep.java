package io.wirebench.transport;

/** A short pause between reconnect attempts that keeps the interrupt flag. */
public final class ManagedSleep {
    private ManagedSleep() {
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
