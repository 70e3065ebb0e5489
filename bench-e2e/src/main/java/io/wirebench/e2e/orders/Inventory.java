package io.wirebench.e2e.orders;

import io.wirebench.schemas.model.InventoryReservation;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stock per SKU, shared by every inventory request, with reservations keyed by order id.
 * <ul>
 *   <li>A line is reserved by a compare-and-set loop on its SKU's count that never takes it below zero, so
 *       two reservations of the last unit cannot both succeed; an order is all or nothing: if a line cannot
 *       be had, the lines already taken are put back. (Another order may briefly see less stock while such a
 *       rollback is in progress: it may be refused, never oversold.)</li>
 *   <li>Idempotent per order: the first reserve of an order decides; a repeat (a redelivered request, a retry
 *       after a lost reply) gets the first answer and moves no stock. A release puts back what that order's
 *       reservation took, once, whatever lines the request names; a release that comes before its reserve
 *       (the reserve still queued after its caller gave up) marks the order released, so the late reserve
 *       takes nothing and answers {@link #RELEASED}.</li>
 * </ul>
 * {@link #unitsHeld()} is the stock reserved by orders not released: a run's books compare it with the
 * items of the orders it accepted. A SKU seen for the first time starts with {@code initialStock} units.
 */
public final class Inventory {
    /** The answer to a reserve of an order already released. */
    public static final String RELEASED = "(order released)";

    private enum State { RESERVED, SHORT, RELEASED }

    /** An order's reservation: its state, the SKU it was short of, the lines it took. */
    private record Reservation(State state, String shortSku, List<InventoryReservation> taken) {
    }

    private final ConcurrentMap<String, AtomicLong> stock = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Reservation> orders = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();
    private final LongAdder repeats = new LongAdder();
    private final long initialStock;

    public Inventory(long initialStock) {
        if (initialStock < 0) {
            throw new IllegalArgumentException("initial stock must be >= 0, was " + initialStock);
        }
        this.initialStock = initialStock;
    }

    /** Takes every line for {@code orderId} or none, once per order; returns null on success, else the SKU that was short (or {@link #RELEASED}). */
    public String reserve(String orderId, List<InventoryReservation> lines) {
        boolean[] first = {false};
        Reservation reservation = orders.computeIfAbsent(orderId, id -> {
            first[0] = true;
            String shortSku = take(lines);
            if (shortSku != null) {
                return new Reservation(State.SHORT, shortSku, List.of());
            }
            held.addAndGet(units(lines));
            return new Reservation(State.RESERVED, null, List.copyOf(lines));
        });
        if (!first[0]) {
            repeats.increment();
        }
        return switch (reservation.state()) {
            case RESERVED -> null;
            case SHORT -> reservation.shortSku();
            case RELEASED -> RELEASED;
        };
    }

    /** Puts back what {@link #reserve} took for {@code orderId}, once; a release of an order never reserved marks it released. */
    public void release(String orderId) {
        orders.compute(orderId, (id, reservation) -> {
            if (reservation == null) {
                return new Reservation(State.RELEASED, null, List.of());
            }
            if (reservation.state() != State.RESERVED) {
                if (reservation.state() == State.RELEASED) {
                    repeats.increment(); // an order that was short held nothing: releasing it is no repeat
                }
                return reservation;
            }
            for (InventoryReservation line : reservation.taken()) {
                put(line.sku(), line.quantity());
            }
            held.addAndGet(-units(reservation.taken()));
            return new Reservation(State.RELEASED, null, List.of());
        });
    }

    public long available(String sku) {
        return counter(sku).get();
    }

    public void set(String sku, long units) {
        counter(sku).set(units);
    }

    /** Units reserved by orders not released. */
    public long unitsHeld() {
        return held.get();
    }

    /** Reserves and releases that repeated an order's first one (answered with it, no stock moved). */
    public long repeats() {
        return repeats.sum();
    }

    /** Forgets the orders (between benchmark iterations; the stock stays as it is). */
    public void forgetOrders() {
        orders.clear();
        held.set(0);
        repeats.reset();
    }

    private String take(List<InventoryReservation> lines) {
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

    private static long units(List<InventoryReservation> lines) {
        long units = 0;
        for (InventoryReservation line : lines) {
            units += line.quantity();
        }
        return units;
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
