package io.wirebench.e2e.load;

import io.wirebench.e2e.orders.OrderGateway;
import io.wirebench.e2e.orders.OrderIds;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.Transport;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The e-commerce scenario's caller side: each operation is a fresh order (one of 64 pre-generated, under a
 * new id) sent to the pipeline's gateway and its outcome checked. An ACCEPTED order is a success;
 * PAYMENT_FAILED (every charge attempt declined) is counted as DECLINED; anything else, or another order's
 * outcome, is a wrong reply. It remembers the orders whose answer never came, whose fate the books look up
 * in the ledger ({@link EcommerceService#accounting}). One per generator: a load worker has its own, its
 * order ids told apart from the other workers' by their prefix ({@link OrderIds}).
 */
public final class EcommerceClient implements ScenarioClient {
    static final int ORDERS = 64;

    private final RpcClient client;
    private final Codec codec;
    private final Order[] orders;
    private final OrderIds ids;
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final LongAdder sent = new LongAdder();

    public EcommerceClient(String shape, Transport transport, Codec codec, OrderIds ids) {
        this.codec = codec;
        this.ids = ids;
        this.orders = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).orders(Shape.byName(shape), ORDERS).toArray(new Order[0]);
        this.client = transport.newClient();
    }

    @Override
    public LoadOperation operation() {
        return index -> {
            Order order = orders[(int) (index % ORDERS)].withId(ids.next());
            sent.increment();
            return client.requestAsync(OrderGateway.ENDPOINT, codec.encode(order)).whenComplete((reply, failure) -> {
                if (failure != null) {
                    unanswered.add(order.id());
                }
            }).thenApply(reply -> {
                OrderOutcome outcome = codec.decode(reply, OrderOutcome.class);
                if (!order.id().equals(outcome.orderId())) {
                    throw new LoadFailure(FailureKind.WRONG_REPLY, "outcome " + outcome.orderId() + " for order " + order.id());
                }
                if (outcome.status() == OrderStatus.PAYMENT_UNKNOWN) {
                    unanswered.add(order.id()); // its fate is in the ledger, as for an order whose answer was lost
                    throw new LoadFailure(FailureKind.TRANSPORT, order.id() + ": " + outcome.violations());
                }
                if (outcome.status() == OrderStatus.PAYMENT_FAILED) {
                    throw new LoadFailure(FailureKind.DECLINED, order.id() + ": " + outcome.violations());
                }
                if (outcome.status() != OrderStatus.ACCEPTED) {
                    throw new LoadFailure(FailureKind.WRONG_REPLY, "valid order " + order.id() + " ended " + outcome.status());
                }
                return outcome;
            });
        };
    }

    /**
     * One order of each of the 64 before timing, each checked (a declined one is fine); anything else stops the
     * run before a number is measured. Forgets them afterwards (the service's books are reset apart).
     */
    @Override
    public void checkBeforeTiming() {
        for (int i = 0; i < ORDERS; i++) {
            try {
                operation().start(i).join();
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof LoadFailure f && f.kind() == FailureKind.DECLINED)) {
                    throw new IllegalStateException("ecommerce: order " + i + " before the run: " + e.getCause().getMessage()
                            + "; nothing is measured", e.getCause());
                }
            }
        }
        unanswered.clear();
        sent.reset();
    }

    @Override
    public long sent() {
        return sent.sum();
    }

    /** The ids of the orders whose caller got no answer (or PAYMENT_UNKNOWN). */
    @Override
    public Set<String> unanswered() {
        return Set.copyOf(unanswered);
    }

    @Override
    public void close() {
        client.close();
    }
}
