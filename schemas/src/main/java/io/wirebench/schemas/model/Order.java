package io.wirebench.schemas.model;

import io.wirebench.schemas.validation.ConsistentTotals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The e-commerce order, the suite's main payload. Amounts are exact minor units (cents) of
 * {@code currency}; {@link ConsistentTotals} checks subtotal = Σ lines and total = subtotal + tax +
 * shipping. Collections are copied into unmodifiable ones, so an {@code Order} is immutable.
 */
@ConsistentTotals
public record Order(
        @NotNull @Pattern(regexp = Rules.ORDER_ID) String id,
        @NotNull @Valid Customer customer,
        @NotNull @Valid Address shippingAddress,
        @NotNull @Valid Address billingAddress,
        @NotNull @Size(min = 1, max = Rules.MAX_ITEMS) List<@NotNull @Valid LineItem> items,
        @NotNull @Valid Payment payment,
        @NotNull @Pattern(regexp = Rules.CURRENCY) String currency,
        @PositiveOrZero long subtotalMinor,
        @PositiveOrZero long taxMinor,
        @PositiveOrZero long shippingMinor,
        @PositiveOrZero long totalMinor,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        @NotNull @Size(max = Rules.MAX_METADATA_ENTRIES) Map<@NotBlank String, @NotNull @Size(max = Rules.MAX_TEXT) String> metadata) {

    public Order {
        items = items == null ? null : List.copyOf(items);
        metadata = OrderedMaps.copyOf(metadata);
    }

    /** The same order under another id (a fresh order for a service that charges each id once). */
    public Order withId(String newId) {
        return new Order(newId, customer, shippingAddress, billingAddress, items, payment, currency, subtotalMinor,
                taxMinor, shippingMinor, totalMinor, createdAt, updatedAt, metadata);
    }
}
