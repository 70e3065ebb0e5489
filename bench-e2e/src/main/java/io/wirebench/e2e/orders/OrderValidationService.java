package io.wirebench.e2e.orders;

import io.wirebench.e2e.stage.Stage;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.service.ValidationReport;
import io.wirebench.schemas.validation.BeanValidator;
import io.wirebench.schemas.validation.SchemaViolation;
import io.wirebench.transport.RpcHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * The order service: decodes an {@link Order} and answers with Hibernate Validator's verdict on it (or,
 * built without a validator, "valid" without looking: the pipeline without validation, for comparison).
 */
public final class OrderValidationService implements RpcHandler {
    public static final String ENDPOINT = "orders.validate";

    private final Codec codec;
    private final BeanValidator validator;
    private final StageClock clock;

    public OrderValidationService(Codec codec, BeanValidator validator, StageClock clock) {
        this.codec = codec;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public byte[] handle(byte[] request) {
        Order order = codec.decode(request, Order.class);
        if (validator == null) {
            return codec.encode(new ValidationReport(order.id(), List.of()));
        }
        List<SchemaViolation> found = clock.time(Stage.VALIDATE, () -> validator.validate(order));
        List<String> violations = new ArrayList<>(found.size());
        for (SchemaViolation violation : found) {
            violations.add(violation.pointer() + ": " + violation.message());
        }
        violations.sort(null);
        return codec.encode(new ValidationReport(order.id(), violations));
    }
}
