package io.wirebench.serialization;

import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import java.util.List;

/**
 * The codec benchmarks whose messages are orders of one {@code shape}: the suite's seed and count of orders, decoded
 * as {@link Order}. Each subclass declares its own {@code shape} {@code @Param} (its own default shapes) and returns it.
 */
public abstract class AbstractOrderCodecBenchmark extends AbstractCodecBenchmark {

    /** The {@code shape} param's value in this fork. */
    protected abstract String shape();

    @Override
    protected List<?> messages() {
        return new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).orders(Shape.byName(shape()), MESSAGES);
    }

    @Override
    protected Class<?> type() {
        return Order.class;
    }

    @Override
    protected String describe() {
        return "order shape=" + shape();
    }
}
