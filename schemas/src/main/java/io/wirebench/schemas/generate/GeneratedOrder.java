package io.wirebench.schemas.generate;

import io.wirebench.schemas.model.Order;

/** An order from a mixed stream, with the rule it breaks ({@code null} when it is valid). */
public record GeneratedOrder(Order order, InvalidRule brokenRule) {
    public boolean valid() {
        return brokenRule == null;
    }
}
