package io.wirebench.validation;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.validation.SchemaViolation;
import java.util.List;

/**
 * Orders prepared for a validation benchmark: each with the JSON bytes it arrived as, checked against
 * the validator before anything is timed (check, then time).
 */
final class ValidatedOrders {
    /** Distinct orders cycled through; a power of two. */
    static final int COUNT = 16;

    final Order[] orders;
    final byte[][] json;

    ValidatedOrders(List<Order> generated) {
        Codec codec = Codecs.byName("json");
        orders = generated.toArray(new Order[0]);
        json = new byte[orders.length][];
        for (int i = 0; i < orders.length; i++) {
            json[i] = codec.encode(orders[i]);
        }
    }

    /** Fails unless {@code validator} reports exactly {@code expected} violations for every order ({@code none}: 0). */
    void verify(OrderValidator validator, int expected, String what) {
        int want = validator.name().equals("none") ? 0 : expected;
        for (int i = 0; i < orders.length; i++) {
            List<SchemaViolation> found = validator.validate(orders[i], json[i]);
            if (found.size() != want) {
                throw new IllegalStateException("validator '" + validator.name() + "' reports " + found.size()
                        + " violations instead of " + want + " for " + what + " #" + i + ": " + found
                        + "; no number is measured for it");
            }
        }
    }
}
