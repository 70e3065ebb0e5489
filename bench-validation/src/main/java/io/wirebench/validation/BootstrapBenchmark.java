package io.wirebench.validation;

import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.validation.SchemaViolation;
import java.time.Clock;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does a service pay at start-up before its first validated request? Single shot in a fresh JVM
 * per fork: {@code bootstrap} builds the validator (HV's {@code ValidatorFactory}, or compiling the JSON
 * Schemas); {@code firstValidation} builds it and validates one small order (HV reads the model's
 * metadata on first use). Each fork gives one sample, so the spread comes from {@code -f}. Jackson and the
 * model classes are already loaded when the shot is taken (the setup encodes the order), as in a service
 * that has decoded its first request.
 *
 * <p>Inside the timed region: building the validator ({@code firstValidation}: and validating one order).
 * Outside: the JVM's start, loading Jackson and the model, encoding the order.
 */
// a cold start is one shot per fresh JVM: single-shot mode, no warm-up, 5 forks for the spread, in ms, and
// the JVM's default heap, as a service starting up has (JMH merges a class's @Fork with its base class's, so
// the empty jvmArgsAppend is what keeps the module's fixed heap out)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgsAppend = {})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class BootstrapBenchmark extends AbstractValidationBenchmark {

    @Param({"hibernate", "json-schema"})
    public String validator;

    private Order order;
    private byte[] json;

    @Setup(Level.Trial)
    public void prepare() {
        order = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).order(Shape.SMALL);
        json = Codecs.byName("json").encode(order);
    }

    @Benchmark
    public OrderValidator bootstrap() {
        return OrderValidators.byName(validator, Clock.systemUTC(), false);
    }

    @Benchmark
    public List<SchemaViolation> firstValidation() {
        List<SchemaViolation> violations = OrderValidators.byName(validator, Clock.systemUTC(), false).validate(order, json);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(validator + " rejected a valid order: " + violations);
        }
        return violations;
    }
}
