package io.wirebench.serialization;

import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import java.util.List;
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
public class ContendedCodecBenchmark extends AbstractCodecBenchmark {

    @Param({"small", "medium"})
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
        return "order shape=" + shape + " (2 threads)";
    }
}
