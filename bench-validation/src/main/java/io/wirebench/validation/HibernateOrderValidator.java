package io.wirebench.validation;

import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.validation.BeanValidator;
import io.wirebench.schemas.validation.SchemaViolation;
import java.time.Clock;
import java.util.List;

/**
 * Hibernate Validator on the decoded order, cascading through {@code @Valid}; one {@code ValidatorFactory}
 * built up front, as its documentation asks. Fail-fast stops at the first violation.
 */
final class HibernateOrderValidator implements OrderValidator, AutoCloseable {
    private final BeanValidator validator;

    HibernateOrderValidator(Clock clock, boolean failFast) {
        this.validator = new BeanValidator(clock, failFast);
    }

    @Override
    public String name() {
        return "hibernate";
    }

    @Override
    public List<SchemaViolation> validate(Order order, byte[] json) {
        return validator.validate(order);
    }

    @Override
    public void close() {
        validator.close();
    }
}
