package io.wirebench.schemas.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A hold on stock for one order line, released if the order is not paid by {@code expiresAt}. */
public record InventoryReservation(
        @NotNull @Pattern(regexp = Rules.ORDER_ID) String orderId,
        @NotNull @Pattern(regexp = Rules.SKU) String sku,
        @Positive @Max(Rules.MAX_QUANTITY) int quantity,
        @NotBlank @Size(max = 40) String warehouse,
        @NotNull Instant expiresAt) {
}
