package io.wirebench.schemas.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What a service sends back for an order: the id, how many lines it read and the total it saw. Small on
 * purpose: a typical RPC has a large request and a small reply, and a caller can check the reply
 * belongs to its request at constant cost.
 */
public record OrderReceipt(
        @NotNull @Pattern(regexp = Rules.ORDER_ID) String orderId,
        @PositiveOrZero int items,
        @PositiveOrZero long totalMinor,
        @NotNull @Size(max = 40) String status) {

    public static OrderReceipt of(Order order) {
        return new OrderReceipt(order.id(), order.items().size(), order.totalMinor(), "RECEIVED");
    }

    /** True if this receipt is the one {@code order} should get. */
    public boolean matches(Order order) {
        return orderId.equals(order.id()) && items == order.items().size() && totalMinor == order.totalMinor();
    }
}
