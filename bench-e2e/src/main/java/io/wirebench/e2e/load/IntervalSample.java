package io.wirebench.e2e.load;

/** One second (or interval) of a load run: what completed in it and its corrected latency percentiles (µs). */
public record IntervalSample(double elapsedSeconds, long succeeded, long failed, double p50Micros, double p99Micros,
                             long heapUsedBytes) {
}
