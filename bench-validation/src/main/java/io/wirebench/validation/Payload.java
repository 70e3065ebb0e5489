package io.wirebench.validation;

import io.wirebench.schemas.generate.InvalidRule;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code payload} parameter: which path through the validator is measured. {@code valid}: the happy
 * path. {@code invalid-one}: exactly one violation per order, the rule rotating over the messages.
 * {@code invalid-many}: seven rules broken at once, the expensive error reply.
 */
public enum Payload {
    VALID,
    INVALID_ONE,
    INVALID_MANY;

    /** Rules that each produce exactly one violation, whatever the shape. */
    static final List<InvalidRule> ONE_VIOLATION = List.of(InvalidRule.BAD_EMAIL, InvalidRule.BAD_SKU,
            InvalidRule.EXPIRED_CARD, InvalidRule.TOTAL_MISMATCH, InvalidRule.BAD_CURRENCY, InvalidRule.BAD_COUNTRY,
            InvalidRule.TOO_MANY_RETRIES, InvalidRule.MISSING_FIELD);
    static final Set<InvalidRule> MANY = EnumSet.of(InvalidRule.BAD_EMAIL, InvalidRule.BAD_SKU, InvalidRule.EXPIRED_CARD,
            InvalidRule.TOTAL_MISMATCH, InvalidRule.BAD_CURRENCY, InvalidRule.BAD_COUNTRY, InvalidRule.TOO_MANY_RETRIES);

    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How many violations a real validator must report for each order of this payload. */
    int expectedViolations() {
        return switch (this) {
            case VALID -> 0;
            case INVALID_ONE -> 1;
            case INVALID_MANY -> MANY.size();
        };
    }

    List<Order> orders(Shape shape, int count) {
        PayloadGenerator generator = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED);
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(switch (this) {
                case VALID -> generator.order(shape);
                case INVALID_ONE -> generator.order(shape, ONE_VIOLATION.get(i % ONE_VIOLATION.size()));
                case INVALID_MANY -> generator.order(shape, MANY);
            });
        }
        return orders;
    }

    public static Payload byName(String name) {
        for (Payload payload : values()) {
            if (payload.token().equals(name)) {
                return payload;
            }
        }
        throw new IllegalArgumentException("unknown payload '" + name + "'; valid payloads: "
                + Arrays.stream(values()).map(Payload::token).collect(Collectors.joining(", ")));
    }
}
