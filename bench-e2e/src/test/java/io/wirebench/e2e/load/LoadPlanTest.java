package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadPlanTest {

    @Test
    void theRampRaisesTheRateLinearlyThenHoldsIt() {
        LoadPlan plan = new LoadPlan(100, Duration.ofSeconds(10), 20, Duration.ofSeconds(1), Duration.ofSeconds(4));
        assertEquals(200, plan.rampRequests(), "half of rate x ramp");
        assertEquals(1_200, plan.requests());
        long previous = -1;
        for (long i = 0; i < plan.requests(); i++) {
            long t = plan.intendedOffsetNanos(i);
            assertTrue(t >= previous, "intended times never go back, at " + i);
            previous = t;
        }
        // by 2 s, a quarter of the ramp's requests (n = rate t^2 / 2T = 100 * 4 / 8 = 50) are due
        assertEquals(2.0, plan.intendedOffsetNanos(50) / 1e9, 1e-9);
        assertEquals(4.0, plan.intendedOffsetNanos(200) / 1e9, 1e-9);
        assertEquals(4.5, plan.intendedOffsetNanos(250) / 1e9, 1e-9);
        assertEquals(1, plan.usersAt(0));
        assertEquals(10, plan.usersAt(Duration.ofSeconds(2).toNanos()));
        assertEquals(20, plan.usersAt(Duration.ofSeconds(5).toNanos()));
    }

    @Test
    void withoutARampEveryUserStartsAtOnce() {
        LoadPlan plan = new LoadPlan(50, Duration.ofSeconds(2), 8, Duration.ofSeconds(1));
        assertEquals(0, plan.rampRequests());
        assertEquals(100, plan.requests());
        assertEquals(8, plan.usersAt(0));
        assertEquals(0.02, plan.intendedOffsetNanos(1) / 1e9, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LoadPlan(1, Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> new LoadPlan(Double.POSITIVE_INFINITY, Duration.ofSeconds(1), 1, Duration.ofSeconds(1)));
    }
}
