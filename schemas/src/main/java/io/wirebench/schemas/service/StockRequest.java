package io.wirebench.schemas.service;

import io.wirebench.schemas.model.InventoryReservation;
import java.util.List;

/** Reserve (or release) every line of one order, all or nothing. */
public record StockRequest(String orderId, List<InventoryReservation> lines) {

    public StockRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
