package io.wirebench.e2e.load;

/**
 * One second (or interval) of a load run: what completed in it, its corrected latency percentiles (µs),
 * the heap in use at its end, and the garbage collections (count, total pause or collection time in
 * ms, from the collectors' MXBeans) during it.
 */
public record IntervalSample(double elapsedSeconds, long succeeded, long failed, double p50Micros, double p99Micros,
                             long heapUsedBytes, long gcCount, long gcMillis) {
}
