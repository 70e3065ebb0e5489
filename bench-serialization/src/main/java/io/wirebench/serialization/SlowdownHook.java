package io.wirebench.serialization;

import java.util.regex.Pattern;

/**
 * A test hook that makes codec benchmarks slower on purpose, so the regression gate can be shown to catch a
 * regression: with {@code -Dwirebench.hook.slowdownNanos=N} (scripts/bench passes
 * {@code WIREBENCH_HOOK_SLOWDOWN_NANOS} to the forks) every encode and decode first spins for N ns; with
 * {@code -Dwirebench.hook.slowdownTarget=REGEX} ({@code WIREBENCH_HOOK_SLOWDOWN_TARGET}) only those whose
 * description matches (found anywhere in it), e.g. {@code decode codec=json order shape=large}: one benchmark
 * slowed among unchanged ones, the usual kind of regression. JMH splits fork arguments at spaces, so the
 * regex writes them as {@code \s}: {@code ^decode\scodec=json\sorder\sshape=small$}. Off by default: the per-trial flag is false, and the JIT
 * removes the branch's work.
 */
final class SlowdownHook {
    private static final long NANOS = Long.getLong("wirebench.hook.slowdownNanos", 0L);
    private static final Pattern TARGET = Pattern.compile(System.getProperty("wirebench.hook.slowdownTarget", ".*"));

    private SlowdownHook() {
    }

    /** Whether the hook slows the benchmark described (method, codec, messages), decided once per trial. */
    static boolean targets(String description) {
        return NANOS > 0 && TARGET.matcher(description).find();
    }

    static void apply(boolean slowed) {
        if (slowed) {
            long end = System.nanoTime() + NANOS;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
    }
}
