package io.wirebench.e2e.orders;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh order ids ({@code ord_} + 12 base-36 digits) from a counter, unique within this JVM and,
 * through the prefix, between runs: a payment service charges each id once, so every request of a
 * benchmark or load run must carry a new one.
 */
public final class OrderIds {
    private static final long LIMIT = 36L * 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36; // 9 digits

    private final String prefix;
    private final AtomicLong next = new AtomicLong();

    /** {@code run}: any number; its last three base-36 digits tell this run's ids from another's. */
    public OrderIds(long run) {
        String digits = Long.toString(Math.floorMod(run, 36L * 36 * 36), 36);
        this.prefix = "ord_" + "000".substring(digits.length()) + digits;
    }

    public String next() {
        long n = next.getAndIncrement() % LIMIT;
        String digits = Long.toString(n, 36);
        return prefix + "000000000".substring(digits.length()) + digits;
    }
}
