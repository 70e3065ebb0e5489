package io.wirebench.schemas.validation;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The expiry rule itself, shared by the Bean Validation and JSON Schema checks. */
public final class YearMonths {
    private YearMonths() {
    }

    /** True if {@code value} is a well-formed {@code yyyy-MM} month that is expired at {@code clock}'s now. */
    public static boolean isExpired(String value, Clock clock) {
        YearMonth month;
        try {
            month = YearMonth.parse(value);
        } catch (DateTimeParseException malformed) {
            return false;
        }
        return month.isBefore(YearMonth.now(clock));
    }
}
