package io.wirebench.e2e.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The order pipeline's books between two points of a benchmark: orders the gateway accepted (their items and
 * totals), what the payment ledger charged (and charged twice), what the inventory holds. In one process they
 * are read from the pipeline ({@link #of}); with the pipeline in a process of its own ({@code placement=split})
 * over its {@value #ENDPOINT} endpoint ({@link #serve}, {@link #read}, {@link #clear}).
 */
public record OrderBooks(long accepted, long charged, long repeated, long unitsHeld, long acceptedUnits, long chargedMinor, long acceptedMinor) {
    public static final String ENDPOINT = "order-books";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] READ = "read".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLEAR = "clear".getBytes(StandardCharsets.UTF_8);

    public static OrderBooks of(OrderGateway gateway, PaymentLedger ledger, Inventory inventory) {
        return new OrderBooks(gateway.count(OrderStatus.ACCEPTED), ledger.charged(), ledger.repeated(), inventory.unitsHeld(),
                gateway.acceptedUnits(), ledger.chargedMinor(), gateway.acceptedMinor());
    }

    /** Starts the books from zero: the ledger, the inventory's orders, the gateway's counts. */
    public static void clear(OrderGateway gateway, PaymentLedger ledger, Inventory inventory) {
        ledger.clear();
        inventory.forgetOrders();
        gateway.resetCounts();
    }

    /** Serves the books of a pipeline in this process: "read" answers them, "clear" starts them from zero. */
    public static void serve(RpcServer server, OrderGateway gateway, PaymentLedger ledger, Inventory inventory) {
        server.register(ENDPOINT, request -> {
            String asked = new String(request, StandardCharsets.UTF_8);
            if (asked.equals("clear")) {
                clear(gateway, ledger, inventory);
                return CLEAR;
            }
            if (asked.equals("read")) {
                return JSON.writeValueAsBytes(of(gateway, ledger, inventory));
            }
            throw new IllegalArgumentException(ENDPOINT + ": '" + asked + "' is neither read nor clear");
        });
    }

    /** The books of the pipeline behind {@code client}. */
    public static OrderBooks read(RpcClient client) {
        try {
            return JSON.readValue(client.request(ENDPOINT, READ), OrderBooks.class);
        } catch (IOException e) {
            throw new UncheckedIOException(ENDPOINT + ": an answer that is not the books: " + e.getMessage(), e);
        }
    }

    public static void clear(RpcClient client) {
        client.request(ENDPOINT, CLEAR);
    }

    /** Why these books cannot be trusted (null: they balance): every accepted order charged once, its items held, its total charged. */
    public String problem() {
        if (charged != accepted || repeated != 0) {
            return accepted + " orders accepted but " + charged + " charged (" + repeated + " repeated charges)";
        }
        if (unitsHeld != acceptedUnits || chargedMinor != acceptedMinor) {
            return "the inventory holds " + unitsHeld + " units and the ledger charged " + chargedMinor + " (minor units) for accepted orders of "
                    + acceptedUnits + " units and " + acceptedMinor;
        }
        return null;
    }
}
