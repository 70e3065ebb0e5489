package io.wirebench.e2e.orders;

import io.wirebench.e2e.stage.Stage;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.service.StockReply;
import io.wirebench.schemas.service.StockRequest;
import io.wirebench.transport.RpcServer;

/** The inventory service: reserves an order's lines all or nothing, and releases them again, once per order id ({@link Inventory}). */
public final class InventoryService {
    public static final String RESERVE = "inventory.reserve";
    public static final String RELEASE = "inventory.release";

    private final Codec codec;
    private final Inventory inventory;
    private final StageClock clock;

    public InventoryService(Codec codec, Inventory inventory, StageClock clock) {
        this.codec = codec;
        this.inventory = inventory;
        this.clock = clock;
    }

    public void register(RpcServer server) {
        server.register(RESERVE, this::reserve);
        server.register(RELEASE, this::release);
    }

    byte[] reserve(byte[] request) {
        StockRequest stock = codec.decode(request, StockRequest.class);
        String shortSku = clock.time(Stage.RESERVE, () -> inventory.reserve(stock.orderId(), stock.lines()));
        return codec.encode(new StockReply(stock.orderId(), shortSku == null, shortSku));
    }

    byte[] release(byte[] request) {
        StockRequest stock = codec.decode(request, StockRequest.class);
        clock.time(Stage.RESERVE, () -> {
            inventory.release(stock.orderId());
            return null;
        });
        return codec.encode(new StockReply(stock.orderId(), false, null));
    }
}
