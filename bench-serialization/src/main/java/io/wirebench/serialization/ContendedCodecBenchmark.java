package io.wirebench.serialization;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Threads;

/**
 * Two callers sharing one codec instance, the way a service's request threads do: does Kryo's pool
 * (or Jackson's shared reader/writer) cost anything under contention? Two threads by default
 * ({@code -t} overrides); compare with {@link CodecBenchmark} at the same codec and shape. Fewer
 * shapes by default than {@link CodecBenchmark} ({@code -p shape=...} adds any).
 *
 * <p>Inside the timed region: only the codec call, made by two threads on one shared codec at once; outside:
 * as in {@link AbstractCodecBenchmark}.
 */
@Threads(2)
public class ContendedCodecBenchmark extends AbstractOrderCodecBenchmark {

    @Param({"small", "medium"})
    public String shape;

    @Override
    protected String shape() {
        return shape;
    }

    @Override
    protected String describe() {
        return super.describe() + " (2 threads)";
    }
}
