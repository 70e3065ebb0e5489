package io.wirebench.serialization;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Each caller's own position in the benchmark's messages (per thread, so callers do not share a counter). */
@State(Scope.Thread)
public class Cursor {
    private int next;

    int next() {
        next = (next + 1) & (AbstractCodecBenchmark.MESSAGES - 1);
        return next;
    }
}
