package io.wirebench.e2e.orders;

import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.transport.RpcClient;
import java.util.concurrent.CompletableFuture;

/**
 * A caller of the order pipeline: encodes an order, sends it to the gateway, decodes the outcome and
 * checks it is its order's. With a {@link StageClock}, the whole call is its end-to-end time.
 */
public final class OrderClient {
    private final RpcClient client;
    private final Codec codec;
    private final StageClock clock;

    public OrderClient(RpcClient client, Codec codec, StageClock clock) {
        this.client = client;
        this.codec = codec;
        this.clock = clock;
    }

    public OrderOutcome submit(Order order) {
        long start = System.nanoTime();
        OrderOutcome outcome = check(order, codec.decode(client.request(OrderGateway.ENDPOINT, codec.encode(order)), OrderOutcome.class));
        clock.endToEnd(System.nanoTime() - start);
        return outcome;
    }

    public CompletableFuture<OrderOutcome> submitAsync(Order order) {
        return client.requestAsync(OrderGateway.ENDPOINT, codec.encode(order))
                .thenApply(reply -> check(order, codec.decode(reply, OrderOutcome.class)));
    }

    private static OrderOutcome check(Order order, OrderOutcome outcome) {
        if (!order.id().equals(outcome.orderId()) || outcome.status() == null) {
            throw new IllegalStateException("outcome " + outcome + " is not for order " + order.id());
        }
        return outcome;
    }
}
