package io.wirebench.serialization;

import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import java.util.List;
import org.openjdk.jmh.annotations.Param;

/**
 * Codec × order shape: how time, bytes and garbage per order grow from {@code tiny} (1 item) to
 * {@code huge} (2,000 items). Run one: {@code java -jar bench-serialization/target/benchmarks.jar
 * CodecBenchmark.decode -p codec=json,kryo -p shape=medium -prof gc}.
 *
 * <p>Inside the timed region: only the codec call on orders of each {@code shape}; outside: as in {@link AbstractCodecBenchmark}.
 */
public class CodecBenchmark extends AbstractCodecBenchmark {

    @Param({"tiny", "small", "medium", "large", "huge"})
    public String shape;

    @Override
    protected List<?> messages() {
        return new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).orders(Shape.byName(shape), MESSAGES);
    }

    @Override
    protected Class<?> type() {
        return Order.class;
    }

    @Override
    protected String describe() {
        return "order shape=" + shape;
    }
}
