package io.wirebench.schemas.service;

/**
 * Undo an order's charge, if one was made, and refuse any later charge for it: what a gateway sends when
 * it gives up on a payment whose replies it did not get (the charge may have happened).
 */
public record VoidRequest(String orderId) {
}
