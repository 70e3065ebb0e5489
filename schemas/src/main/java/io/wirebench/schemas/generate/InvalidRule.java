package io.wirebench.schemas.generate;

/**
 * The ways the generator breaks an order on purpose, each named by the business rule it violates and
 * by the JSON Pointer both validators must report for it. Other values of the order stay as the valid
 * one would have them; totals are recomputed from the lines as sent, so that only the named rule (and
 * what follows arithmetically from it, such as a negative subtotal) is broken.
 */
public enum InvalidRule {
    MISSING_FIELD("/customer/email"),
    BAD_EMAIL("/customer/email"),
    NEGATIVE_QUANTITY("/items/0/quantity"),
    BAD_SKU("/items/0/sku"),
    EXPIRED_CARD("/payment/cardExpiry"),
    TOTAL_MISMATCH("/totalMinor"),
    BAD_CURRENCY("/currency"),
    BAD_COUNTRY("/shippingAddress/country"),
    TOO_MANY_RETRIES("/payment/retryCount"),
    NO_ITEMS("/items"),
    TOO_MANY_ITEMS("/items");

    private final String pointer;

    InvalidRule(String pointer) {
        this.pointer = pointer;
    }

    /** Where the violation is: the JSON Pointer into the order. */
    public String pointer() {
        return pointer;
    }
}
