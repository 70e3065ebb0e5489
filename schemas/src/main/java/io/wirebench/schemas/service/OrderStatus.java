package io.wirebench.schemas.service;

/** How an order ended in the pipeline. Every order a gateway answers ends in exactly one of these. */
public enum OrderStatus {
    /** Valid, stock reserved, charged once. */
    ACCEPTED,
    /** Failed validation; never reserved, never charged. */
    REJECTED,
    /** Valid, but a line could not be reserved; never charged. */
    OUT_OF_STOCK,
    /** Valid and reserved, but every charge attempt was declined; the reservation was released. */
    PAYMENT_FAILED
}
