package io.wirebench.transport;

/** A short pause between reconnect attempts that keeps the interrupt flag. */
final class ManagedSleep {
    private ManagedSleep() {
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
