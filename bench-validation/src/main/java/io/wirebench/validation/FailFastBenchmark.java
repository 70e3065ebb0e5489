package io.wirebench.validation;

import io.wirebench.bench.Cursor;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.validation.SchemaViolation;
import java.time.Clock;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What does fail-fast save when an order breaks many rules? Validator × shape × {@code failFast} on orders
 * that break seven rules at once: collect-all reports seven violations, fail-fast one. The saving is the
 * ratio of the two rows at the same validator and shape.
 *
 * <p>Inside the timed region: validating one invalid order and reading each violation's message. Outside:
 * generating and encoding the orders, and the check that each is refused.
 */
public class FailFastBenchmark extends AbstractValidationBenchmark {

    @Param({"hibernate", "json-schema", "programmatic"})
    public String validator;

    @Param({"small", "medium", "large"})
    public String shape;

    @Param({"true", "false"})
    public boolean failFast;

    private OrderValidator impl;
    private ValidatedOrders orders;

    @Setup(Level.Trial)
    public void prepare() {
        impl = OrderValidators.byName(validator, Clock.systemUTC(), failFast);
        orders = new ValidatedOrders(Payload.INVALID_MANY.orders(Shape.byName(shape), ValidatedOrders.COUNT));
        orders.verify(impl, failFast ? 1 : Payload.INVALID_MANY.expectedViolations(), "invalid-many order shape=" + shape);
    }

    @Benchmark
    public List<SchemaViolation> validate(Cursor cursor, Blackhole bh) {
        int i = cursor.next(ValidatedOrders.COUNT);
        List<SchemaViolation> violations = impl.validate(orders.orders[i], orders.json[i]);
        if (violations.isEmpty()) {
            throw new IllegalStateException(validator + " accepted an invalid order #" + i);
        }
        for (int v = 0; v < violations.size(); v++) {
            bh.consume(violations.get(v).message());
        }
        return violations;
    }
}
