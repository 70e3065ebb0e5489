package io.wirebench.schemas.service;

/**
 * Charge an order's total to its payment token. The order id is the idempotency key: a second charge
 * of the same order returns the first charge and moves no money. {@code attempt} counts from 1.
 */
public record ChargeRequest(String orderId, long amountMinor, String currency, String token, int attempt) {
}
