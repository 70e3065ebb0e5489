package io.wirebench.serialization;

/**
 * A test hook that makes the codec benchmarks slower on purpose, so the nightly regression gate can be
 * shown to catch a regression: with {@code -Dwirebench.hook.slowdownNanos=N} (scripts/bench passes
 * {@code WIREBENCH_HOOK_SLOWDOWN_NANOS} to the forks) every encode and decode first spins for N ns.
 * Off by default: the field is a constant 0, and the JIT removes the branch.
 */
final class SlowdownHook {
    private static final long NANOS = Long.getLong("wirebench.hook.slowdownNanos", 0L);

    private SlowdownHook() {
    }

    static void apply() {
        if (NANOS > 0) {
            long end = System.nanoTime() + NANOS;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
    }
}
