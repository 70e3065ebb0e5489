package io.wirebench.schemas.service;

import java.util.List;

/**
 * The gateway's answer to an order: its final status, how many charge attempts it took, the charge id
 * when charged, and the violations ({@code "/pointer: message"}) when rejected.
 */
public record OrderOutcome(String orderId, OrderStatus status, int paymentAttempts, String chargeId, List<String> violations) {

    public OrderOutcome {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }
}
