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
 * What does validating an incoming order cost, on the happy path and on the error path, and how does it
 * grow with the order? Validator × shape × payload, collecting all violations (see
 * {@link FailFastBenchmark} for fail-fast). Inside the timed region: the validation and reading each
 * violation's interpolated message, as a service building its 400 reply does. Outside: generating and
 * encoding the orders, the check that the validator reports exactly the expected violations.
 * {@code json-schema} parses the JSON bytes as part of its work; the others get the decoded order.
 */
public class ValidationBenchmark extends AbstractValidationBenchmark {

    @Param({"hibernate", "json-schema", "programmatic", "none"})
    public String validator;

    @Param({"tiny", "small", "medium", "large", "huge"})
    public String shape;

    @Param({"valid", "invalid-one", "invalid-many"})
    public String payload;

    private OrderValidator impl;
    private ValidatedOrders orders;
    private boolean expectValid;

    @Setup(Level.Trial)
    public void prepare() {
        Payload path = Payload.byName(payload);
        impl = OrderValidators.byName(validator, Clock.systemUTC(), false);
        orders = new ValidatedOrders(path.orders(Shape.byName(shape), ValidatedOrders.COUNT));
        orders.verify(impl, path.expectedViolations(), payload + " order shape=" + shape);
        expectValid = path == Payload.VALID || validator.equals("none");
    }

    @Benchmark
    public List<SchemaViolation> validate(Cursor cursor, Blackhole bh) {
        int i = cursor.next(ValidatedOrders.COUNT);
        List<SchemaViolation> violations = impl.validate(orders.orders[i], orders.json[i]);
        if (violations.isEmpty() != expectValid) {
            throw new IllegalStateException(validator + " changed its verdict on order #" + i);
        }
        for (int v = 0; v < violations.size(); v++) {
            bh.consume(violations.get(v).message());
        }
        return violations;
    }
}
