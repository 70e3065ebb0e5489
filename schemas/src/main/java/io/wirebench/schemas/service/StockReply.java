package io.wirebench.schemas.service;

/** Whether the inventory service reserved every line; if not, the first SKU it was short of. */
public record StockReply(String orderId, boolean reserved, String shortSku) {
}
