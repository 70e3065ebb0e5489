package io.wirebench.e2e.load;

import io.wirebench.e2e.faults.ServiceDelays;
import io.wirebench.e2e.orders.OrderIds;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.transport.Transport;
import java.util.Map;

/**
 * The e-commerce scenario under load in one process: its service side ({@link EcommerceService}: the order
 * pipeline and its books) and one generator's caller side ({@link EcommerceClient}: fresh orders to the
 * gateway, each outcome checked). Before timing, one of each of the 64 orders goes through and is checked;
 * the books then start from zero.
 */
public final class EcommerceLoad implements LoadScenario {
    private final LoadConfig.Ecommerce config;
    private final EcommerceService service;
    private final EcommerceClient client;

    public EcommerceLoad(LoadConfig.Ecommerce config, Transport transport, Codec codec) {
        this.config = config;
        this.service = new EcommerceService(config, transport, codec);
        EcommerceClient caller = null;
        try {
            caller = new EcommerceClient(config.shape(), transport, codec, new OrderIds(System.currentTimeMillis() / 1000));
            caller.checkBeforeTiming();
            service.resetBooks();
        } catch (RuntimeException e) {
            if (caller != null) {
                caller.close();
            }
            service.close();
            throw e;
        }
        this.client = caller;
    }

    @Override
    public String name() {
        return "ecommerce";
    }

    @Override
    public double configuredRate() {
        return config.orderRate();
    }

    @Override
    public String unit() {
        return config.shape() + " orders";
    }

    @Override
    public LoadOperation operation() {
        return client.operation();
    }

    @Override
    public Map<String, Object> accounting() {
        return service.accounting(client.sent(), client.unanswered());
    }

    @Override
    public ServiceDelays delays() {
        return service.delays();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            service.close();
        }
    }
}
