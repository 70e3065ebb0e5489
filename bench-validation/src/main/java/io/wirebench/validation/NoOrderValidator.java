package io.wirebench.validation;

import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.validation.SchemaViolation;
import java.util.List;

/** The zero line: accepts everything, so the benchmark's own overhead is visible. */
final class NoOrderValidator implements OrderValidator {
    @Override
    public String name() {
        return "none";
    }

    @Override
    public List<SchemaViolation> validate(Order order, byte[] json) {
        return List.of();
    }
}
