package io.wirebench.schemas.model;

/** How an order is paid. */
public enum PaymentMethod {
    CARD,
    WALLET
}
