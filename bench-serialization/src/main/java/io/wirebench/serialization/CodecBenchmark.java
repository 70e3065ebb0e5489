package io.wirebench.serialization;

import org.openjdk.jmh.annotations.Param;

/**
 * Codec × order shape: how time, bytes and garbage per order grow from {@code tiny} (1 item) to
 * {@code huge} (2,000 items). Run one: {@code java -jar bench-serialization/target/benchmarks.jar
 * CodecBenchmark.decode -p codec=json,kryo -p shape=medium -prof gc}.
 *
 * <p>Inside the timed region: only the codec call on orders of each {@code shape}; outside: as in {@link AbstractCodecBenchmark}.
 */
public class CodecBenchmark extends AbstractOrderCodecBenchmark {

    @Param({"tiny", "small", "medium", "large", "huge"})
    public String shape;

    @Override
    protected String shape() {
        return shape;
    }
}
