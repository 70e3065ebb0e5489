package io.wirebench.schemas.service;

/** How an order ended in the pipeline. Every order a gateway answers ends in exactly one of these. */
public enum OrderStatus {
    /** Valid, stock reserved, charged once. */
    ACCEPTED,
    /** Failed validation; never reserved, never charged. */
    REJECTED,
    /** Valid, but a line could not be reserved; never charged. */
    OUT_OF_STOCK,
    /**
     * Valid and reserved, but no charge went through: every attempt was declined, or went unanswered and the
     * payment was then voided (so it cannot be charged later); the reservation was released.
     */
    PAYMENT_FAILED,
    /**
     * Charge attempts went unanswered and the void did too: whether the order was charged is not known to
     * the gateway (the ledger knows); the reservation is kept. A caller treats it as an unanswered order.
     */
    PAYMENT_UNKNOWN
}
