package io.wirebench.e2e.orders;

/**
 * Which charge attempts the payment service declines: a fraction {@code rate} of them, chosen by a hash
 * of (seed, order id, attempt), so a run is reproducible and a retry of the same order is an independent
 * draw. Rate 0 never fails, rate 1 always does.
 */
public record FailureInjection(double rate, long seed) {

    public static final FailureInjection NONE = new FailureInjection(0, 0);

    public FailureInjection {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("failure rate must be within [0, 1], was " + rate);
        }
    }

    public boolean fails(String orderId, int attempt) {
        if (rate == 0) {
            return false;
        }
        if (rate == 1) {
            return true;
        }
        long h = seed ^ 0x9E3779B97F4A7C15L;
        h = mix(h ^ orderId.hashCode());
        h = mix(h ^ attempt);
        double uniform = (h >>> 11) * 0x1.0p-53;
        return uniform < rate;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
