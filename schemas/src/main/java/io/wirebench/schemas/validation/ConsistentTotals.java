package io.wirebench.schemas.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An order's amounts add up: subtotal = Σ quantity × unit price, total = subtotal + tax + shipping.
 * The violation is reported on {@code totalMinor} (or {@code subtotalMinor}), the same instance
 * location the JSON Schema keyword {@code x-consistentTotals} reports.
 */
@Documented
@Constraint(validatedBy = ConsistentTotalsValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentTotals {
    String message() default "order amounts do not add up";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
