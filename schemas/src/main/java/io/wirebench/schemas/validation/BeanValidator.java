package io.wirebench.schemas.validation;

import jakarta.validation.ClockProvider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;

/**
 * Hibernate Validator set up once for the wire contract, with an explicit clock (card expiry) and
 * violations rendered as {@link SchemaViolation}s. {@link #validator()} gives the plain
 * {@link Validator} to benchmarks that want to measure HV alone.
 */
public final class BeanValidator implements AutoCloseable {
    private final ValidatorFactory factory;
    private final Validator validator;

    public BeanValidator(Clock clock, boolean failFast) {
        ClockProvider clocks = () -> clock;
        this.factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .clockProvider(clocks)
                .failFast(failFast)
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    public BeanValidator() {
        this(Clock.systemUTC(), false);
    }

    public Validator validator() {
        return validator;
    }

    public List<SchemaViolation> validate(Object message) {
        Set<ConstraintViolation<Object>> found = validator.validate(message);
        List<SchemaViolation> violations = new ArrayList<>(found.size());
        for (ConstraintViolation<Object> violation : found) {
            String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            violations.add(new SchemaViolation(SchemaViolation.pointerOf(violation.getPropertyPath().toString()),
                    rule, violation.getMessage()));
        }
        return violations;
    }

    @Override
    public void close() {
        factory.close();
    }
}
