package io.wirebench.schemas.model;

import io.wirebench.schemas.validation.FutureYearMonth;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A tokenized payment: never a card number, only the processor's token, the last four digits and
 * the expiry (cards) or a wallet token. {@code retryCount} is how often the caller has retried.
 */
public record Payment(
        @NotNull PaymentMethod method,
        @NotNull @Pattern(regexp = Rules.PAYMENT_TOKEN) String token,
        @Pattern(regexp = Rules.LAST4) String last4,
        @Pattern(regexp = Rules.YEAR_MONTH) @FutureYearMonth String cardExpiry,
        @PositiveOrZero long amountMinor,
        @Min(0) @Max(Rules.MAX_PAYMENT_RETRIES) int retryCount) {
}
