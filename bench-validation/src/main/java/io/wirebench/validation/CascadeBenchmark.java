package io.wirebench.validation;

import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.validation.SchemaViolation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How does cascaded validation grow with the number of line items, everything else held still? Valid
 * orders with medium-shape texts and {@code items} lines; divide by {@code items} for the cost per line.
 *
 * <p>Inside the timed region: validating one pre-built order (and, were there any, reading its violations'
 * messages). Outside: generating and encoding the orders, and the check that each is accepted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CascadeBenchmark {

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
    public List<SchemaViolation> validate(OrderCursor cursor) {
        int i = cursor.next();
        List<SchemaViolation> violations = impl.validate(orders.orders[i], orders.json[i]);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(validator + " rejected a valid order #" + i + ": " + violations);
        }
        return violations;
    }
}
