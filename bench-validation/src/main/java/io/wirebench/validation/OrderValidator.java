package io.wirebench.validation;

import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.validation.SchemaViolation;
import java.util.List;

/**
 * One way to decide whether an incoming order is acceptable, with the violations a service would send
 * back in its 400 reply (pointer and interpolated message). Each validator reads what it needs: the
 * decoded {@link Order} (Bean Validation, hand-written) or the JSON bytes it was decoded from (JSON Schema).
 */
public interface OrderValidator {

    /** The {@code validator} parameter token. */
    String name();

    /** Empty when the order is acceptable. */
    List<SchemaViolation> validate(Order order, byte[] json);
}
