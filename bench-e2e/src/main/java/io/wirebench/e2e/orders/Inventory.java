package io.wirebench.e2e.orders;

import io.wirebench.schemas.model.InventoryReservation;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stock per SKU, shared by every inventory request. A line is reserved by a compare-and-set loop on its
 * SKU's count that never takes it below zero, so two reservations of the last unit cannot both succeed;
 * an order is all or nothing: if a line cannot be had, the lines already taken are put back. (Another
 * order may briefly see less stock while such a rollback is in progress: it may be refused, never
 * oversold.) A SKU seen for the first time starts with {@code initialStock} units.
 */
public final class Inventory {
    private final ConcurrentMap<String, AtomicLong> stock = new ConcurrentHashMap<>();
    private final long initialStock;

    public Inventory(long initialStock) {
        if (initialStock < 0) {
            throw new IllegalArgumentException("initial stock must be >= 0, was " + initialStock);
        }
        this.initialStock = initialStock;
    }

    /** Takes every line or none; returns null on success, else the SKU that was short. */
    public String reserve(List<InventoryReservation> lines) {
        for (int i = 0; i < lines.size(); i++) {
            InventoryReservation line = lines.get(i);
            if (!take(line.sku(), line.quantity())) {
                for (int j = 0; j < i; j++) {
                    put(lines.get(j).sku(), lines.get(j).quantity());
                }
                return line.sku();
            }
        }
        return null;
    }

    /** Puts back what {@link #reserve} took for these lines. */
    public void release(List<InventoryReservation> lines) {
        for (InventoryReservation line : lines) {
            put(line.sku(), line.quantity());
        }
    }

    public long available(String sku) {
        return counter(sku).get();
    }

    public void set(String sku, long units) {
        counter(sku).set(units);
    }

    private boolean take(String sku, int quantity) {
        AtomicLong units = counter(sku);
        while (true) {
            long now = units.get();
            if (now < quantity) {
                return false;
            }
            if (units.compareAndSet(now, now - quantity)) {
                return true;
            }
        }
    }

    private void put(String sku, int quantity) {
        counter(sku).addAndGet(quantity);
    }

    private AtomicLong counter(String sku) {
        return stock.computeIfAbsent(sku, k -> new AtomicLong(initialStock));
    }
}
