package io.wirebench.e2e.orders;

import io.wirebench.e2e.stage.Stage;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.service.ChargeRequest;
import io.wirebench.schemas.service.VoidReply;
import io.wirebench.schemas.service.VoidRequest;
import io.wirebench.transport.RpcServer;

/**
 * The payment service: one {@link PaymentLedger} behind {@code payment.charge} and {@code payment.void}
 * (take an order's charge back, if any, and refuse later charges for it).
 */
public final class PaymentService {
    public static final String ENDPOINT = "payment.charge";
    public static final String VOID = "payment.void";

    private final Codec codec;
    private final PaymentLedger ledger;
    private final StageClock clock;

    public PaymentService(Codec codec, PaymentLedger ledger, StageClock clock) {
        this.codec = codec;
        this.ledger = ledger;
        this.clock = clock;
    }

    public void register(RpcServer server) {
        server.register(ENDPOINT, this::charge);
        server.register(VOID, this::voidPayment);
    }

    byte[] charge(byte[] request) {
        ChargeRequest charge = codec.decode(request, ChargeRequest.class);
        return codec.encode(clock.time(Stage.CHARGE, () -> ledger.charge(charge)));
    }

    byte[] voidPayment(byte[] request) {
        VoidRequest order = codec.decode(request, VoidRequest.class);
        return codec.encode(new VoidReply(order.orderId(), ledger.voidPayment(order.orderId())));
    }
}
