package io.wirebench.validation;

import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.validation.JsonSchemaValidator;
import io.wirebench.schemas.validation.MessageType;
import io.wirebench.schemas.validation.SchemaViolation;
import java.time.Clock;
import java.util.List;

/**
 * networknt json-schema-validator on the raw JSON bytes (parsing them into a tree is part of its cost,
 * as it is for a gateway that validates before binding), schema compiled once.
 */
final class JsonSchemaOrderValidator implements OrderValidator {
    private final JsonSchemaValidator validator;

    JsonSchemaOrderValidator(Clock clock, boolean failFast) {
        this.validator = new JsonSchemaValidator(clock, failFast);
    }

    @Override
    public String name() {
        return "json-schema";
    }

    @Override
    public List<SchemaViolation> validate(Order order, byte[] json) {
        return validator.validate(MessageType.ORDER, json);
    }
}
