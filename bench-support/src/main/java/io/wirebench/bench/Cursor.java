package io.wirebench.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A caller's position in a benchmark's pre-made inputs, wrapping around at their count. Per thread, so
 * callers at {@code -t N} share no counter (and no cache line); a benchmark method takes it as a
 * parameter, or a per-thread state of its own keeps one.
 */
@State(Scope.Thread)
public class Cursor {
    private int next;

    /** The next index in {@code [0, count)}, in turn; {@code count} is the number of inputs, at least 1. */
    public int next(int count) {
        int n = next + 1;
        if (n >= count) {
            n = 0;
        }
        next = n;
        return n;
    }
}
