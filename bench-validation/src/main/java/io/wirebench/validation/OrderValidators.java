package io.wirebench.validation;

import java.time.Clock;
import java.util.List;

/** The registry behind every {@code validator} parameter. */
public final class OrderValidators {
    public static final List<String> NAMES = List.of("hibernate", "json-schema", "programmatic", "none");

    private OrderValidators() {
    }

    /** A fully built validator; {@code failFast} stops at the first violation ({@code none} has nothing to stop). */
    public static OrderValidator byName(String name, Clock clock, boolean failFast) {
        return switch (name) {
            case "hibernate" -> new HibernateOrderValidator(clock, failFast);
            case "json-schema" -> new JsonSchemaOrderValidator(clock, failFast);
            case "programmatic" -> new ProgrammaticOrderValidator(clock, failFast);
            case "none" -> new NoOrderValidator();
            default -> throw new IllegalArgumentException("unknown validator '" + name + "'; valid validators: "
                    + String.join(", ", NAMES));
        };
    }
}
