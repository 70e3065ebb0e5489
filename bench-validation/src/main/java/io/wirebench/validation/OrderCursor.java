package io.wirebench.validation;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Each caller's own position in the benchmark's orders (per thread: with {@code -t} callers share no counter). */
@State(Scope.Thread)
public class OrderCursor {
    private int next;

    int next() {
        next = (next + 1) & (ValidatedOrders.COUNT - 1);
        return next;
    }
}
