package io.wirebench.e2e.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailureInjectionTest {

    @Test
    void failsTheConfiguredShareOfAttemptsReproducibly() {
        FailureInjection five = new FailureInjection(0.05, 42);
        OrderIds ids = new OrderIds(1);
        int failed = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            String id = ids.next();
            boolean first = five.fails(id, 1);
            assertEquals(first, five.fails(id, 1), "same draw for the same order and attempt");
            failed += first ? 1 : 0;
        }
        // binomial(100000, 0.05): sd ~ 69; 6 sd either side
        assertTrue(Math.abs(failed - 5_000) < 420, "failed " + failed + " of " + n);
        assertTrue(new FailureInjection(1, 0).fails("ord_000000000000", 3));
        assertTrue(!FailureInjection.NONE.fails("ord_000000000000", 1));
        assertThrows(IllegalArgumentException.class, () -> new FailureInjection(1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new FailureInjection(Double.NaN, 0));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(3));
        assertEquals(Duration.ofMillis(1), policy.backoffBefore(2));
        assertEquals(Duration.ofMillis(2), policy.backoffBefore(3));
        assertEquals(Duration.ofMillis(3), policy.backoffBefore(4));
        assertEquals(Duration.ofMillis(3), policy.backoffBefore(5));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(1)));
    }

    @Test
    void orderIdsAreValidAndUnique() {
        OrderIds ids = new OrderIds(123_456);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            assertTrue(id.matches(io.wirebench.schemas.model.Rules.ORDER_ID), id);
            assertTrue(seen.add(id), id);
        }
    }
}
