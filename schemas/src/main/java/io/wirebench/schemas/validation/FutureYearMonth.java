package io.wirebench.schemas.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code yyyy-MM} card expiry that has not passed: the card is valid through the last day of that
 * month, by the validator's clock (HV's {@code ClockProvider}). Null and malformed values are left to
 * {@code @NotNull} and {@code @Pattern}. The JSON Schema twin is the keyword {@code x-futureYearMonth}.
 */
@Documented
@Constraint(validatedBy = FutureYearMonthValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FutureYearMonth {
    String message() default "card expired";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
