package io.wirebench.schemas.service;

/** The order's payment is void: {@code undone} if a charge existed and was taken back, false if there was none. */
public record VoidReply(String orderId, boolean undone) {
}
