package io.wirebench.schemas.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link FutureYearMonth} against the validator's clock. */
public final class FutureYearMonthValidator implements ConstraintValidator<FutureYearMonth, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return !YearMonths.isExpired(value, context.getClockProvider().getClock());
    }
}
