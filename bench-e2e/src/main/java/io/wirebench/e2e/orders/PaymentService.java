package io.wirebench.e2e.orders;

import io.wirebench.e2e.stage.Stage;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.service.ChargeRequest;
import io.wirebench.transport.RpcHandler;

/** The payment service: one {@link PaymentLedger} behind the {@code payment.charge} endpoint. */
public final class PaymentService implements RpcHandler {
    public static final String ENDPOINT = "payment.charge";

    private final Codec codec;
    private final PaymentLedger ledger;
    private final StageClock clock;

    public PaymentService(Codec codec, PaymentLedger ledger, StageClock clock) {
        this.codec = codec;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public byte[] handle(byte[] request) {
        ChargeRequest charge = codec.decode(request, ChargeRequest.class);
        return codec.encode(clock.time(Stage.CHARGE, () -> ledger.charge(charge)));
    }
}
