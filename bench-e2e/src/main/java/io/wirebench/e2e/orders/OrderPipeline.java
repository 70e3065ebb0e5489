package io.wirebench.e2e.orders;

import io.wirebench.e2e.faults.ServiceDelays;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.e2e.stage.TimedCodec;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.validation.BeanValidator;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import java.time.Clock;

/**
 * The e-commerce scenario's four services (gateway, order validation, inventory, payment) registered on
 * one service side of a transport, the gateway calling the others over that same transport through a
 * client of its own. Everything it holds is closed with it (the transport is the caller's).
 */
public final class OrderPipeline implements AutoCloseable {
    private final RpcServer server;
    private final RpcClient gatewayClient;
    private final BeanValidator validator;
    private final Inventory inventory;
    private final PaymentLedger ledger;
    private final OrderGateway gateway;
    private final StageClock stages;

    public OrderPipeline(Transport transport, Codec codec, OrderPipelineSettings settings, StageClock stages) {
        this(transport, codec, settings, stages, null);
    }

    /** @param delays if not null, the services' handlers wait their delays (the load runner's {@code slow} fault) */
    public OrderPipeline(Transport transport, Codec codec, OrderPipelineSettings settings, StageClock stages, ServiceDelays delays) {
        this.stages = stages;
        Codec timed = stages == StageClock.OFF ? codec : new TimedCodec(codec, stages);
        this.validator = new BeanValidator(Clock.systemUTC(), false);
        this.inventory = new Inventory(settings.initialStock());
        this.ledger = new PaymentLedger(settings.failures());
        this.server = delays == null ? transport.newServer() : delays.wrap(transport.newServer());
        try {
            server.register(OrderValidationService.ENDPOINT,
                    new OrderValidationService(timed, settings.validate() ? validator : null, stages));
            new InventoryService(timed, inventory, stages).register(server);
            new PaymentService(timed, ledger, stages).register(server);
            this.gatewayClient = transport.newClient();
            this.gateway = new OrderGateway(timed, gatewayClient, settings.retry(), stages);
            server.register(OrderGateway.ENDPOINT, gateway);
        } catch (RuntimeException e) {
            server.close();
            validator.close();
            throw e;
        }
    }

    public Inventory inventory() {
        return inventory;
    }

    public PaymentLedger ledger() {
        return ledger;
    }

    public OrderGateway gateway() {
        return gateway;
    }

    public StageClock stages() {
        return stages;
    }

    /** Requests to the pipeline's services (gateway included) dropped because their deadline had passed. */
    public long expiredRequests() {
        return server.expired();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            gatewayClient.close();
            validator.close();
        }
    }
}
