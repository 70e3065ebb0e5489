package io.wirebench.schemas.validation;

import io.wirebench.schemas.model.LineItem;
import io.wirebench.schemas.model.Order;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ConsistentTotals}; missing parts are left to their own {@code @NotNull}. */
public final class ConsistentTotalsValidator implements ConstraintValidator<ConsistentTotals, Order> {

    @Override
    public boolean isValid(Order order, ConstraintValidatorContext context) {
        if (order == null || order.items() == null) {
            return true;
        }
        long lines = 0;
        for (LineItem item : order.items()) {
            if (item == null) {
                return true;
            }
            lines += (long) item.quantity() * item.unitPriceMinor();
        }
        String field;
        String message;
        if (order.subtotalMinor() != lines) {
            field = "subtotalMinor";
            message = "subtotal " + order.subtotalMinor() + " is not the sum of the lines " + lines;
        } else if (order.totalMinor() != order.subtotalMinor() + order.taxMinor() + order.shippingMinor()) {
            field = "totalMinor";
            message = "total " + order.totalMinor() + " is not subtotal + tax + shipping "
                    + (order.subtotalMinor() + order.taxMinor() + order.shippingMinor());
        } else {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }
}
