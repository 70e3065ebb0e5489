package io.wirebench.schemas.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** One line of an order. Prices are exact, in minor units of the order's currency (cents). */
public record LineItem(
        @NotNull @Pattern(regexp = Rules.SKU) String sku,
        @NotBlank @Size(max = Rules.MAX_TEXT) String name,
        @Size(max = 1_000) String description,
        @Positive @Max(Rules.MAX_QUANTITY) int quantity,
        @PositiveOrZero long unitPriceMinor,
        @NotNull @Size(max = Rules.MAX_OPTIONS) Map<@NotBlank @Size(max = 40) String, @NotNull @Size(max = 100) String> options) {

    public LineItem {
        options = OrderedMaps.copyOf(options);
    }

    /** quantity × unit price, exact. */
    public long lineTotalMinor() {
        return Math.multiplyExact(quantity, unitPriceMinor);
    }
}
