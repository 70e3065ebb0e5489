package io.wirebench.validation;

import io.wirebench.bench.Cursor;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.validation.SchemaViolation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * How does cascaded validation grow with the number of line items, everything else held still? Valid
 * orders with medium-shape texts and {@code items} lines; divide by {@code items} for the cost per line.
 *
 * <p>Inside the timed region: validating one pre-built order (and, were there any, reading its violations'
 * messages). Outside: generating and encoding the orders, and the check that each is accepted.
 */
public class CascadeBenchmark extends AbstractValidationBenchmark {

    @Param({"hibernate", "json-schema", "programmatic"})
    public String validator;

    @Param({"1", "10", "100", "1000"})
    public int items;

    private OrderValidator impl;
    private ValidatedOrders orders;

    @Setup(Level.Trial)
    public void prepare() {
        impl = OrderValidators.byName(validator, Clock.systemUTC(), false);
        PayloadGenerator generator = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED);
        List<Order> generated = new ArrayList<>(ValidatedOrders.COUNT);
        for (int i = 0; i < ValidatedOrders.COUNT; i++) {
            generated.add(generator.order(Shape.MEDIUM, items));
        }
        orders = new ValidatedOrders(generated);
        orders.verify(impl, 0, "valid order items=" + items);
    }

    @Benchmark
    public List<SchemaViolation> validate(Cursor cursor) {
        int i = cursor.next(ValidatedOrders.COUNT);
        List<SchemaViolation> violations = impl.validate(orders.orders[i], orders.json[i]);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(validator + " rejected a valid order #" + i + ": " + violations);
        }
        return violations;
    }
}
