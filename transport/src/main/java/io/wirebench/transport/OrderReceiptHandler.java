package io.wirebench.transport;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;

/**
 * The service behind the round-trip benchmarks: decodes the order with the run's codec and answers
 * with its {@link OrderReceipt}, so each round trip carries a real request and a real, checkable reply.
 */
public final class OrderReceiptHandler implements RpcHandler {
    private final Codec codec;

    public OrderReceiptHandler(Codec codec) {
        this.codec = codec;
    }

    @Override
    public byte[] handle(byte[] request) {
        return codec.encode(OrderReceipt.of(codec.decode(request, Order.class)));
    }
}
