package io.wirebench.schemas.model;

/** What an analytics event records. */
public enum EventType {
    PAGE_VIEW,
    SEARCH,
    CLICK,
    ADD_TO_CART,
    PURCHASE
}
