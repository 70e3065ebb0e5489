package io.wirebench.e2e.load;

import io.wirebench.e2e.faults.ServiceDelays;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.transport.Transport;
import java.util.Map;
import java.util.Set;

/**
 * The real-time analytics scenario under load in one process: its service side ({@link AnalyticsServiceSide}: the
 * aggregation service, readers querying the aggregates back to back, the books) and one generator's caller side
 * ({@link AnalyticsClient}: batches of {@code batch_size} events at {@code event_rate / batch_size} batches per
 * second, each acknowledgement checked). The books: inconsistent snapshots must be zero.
 */
public final class AnalyticsLoad implements LoadScenario {
    private final LoadConfig.Analytics config;
    private final AnalyticsServiceSide service;
    private final AnalyticsClient client;

    public AnalyticsLoad(LoadConfig.Analytics config, Transport transport, Codec codec) {
        this.config = config;
        this.service = new AnalyticsServiceSide(config, transport, codec);
        AnalyticsClient caller = null;
        try {
            caller = new AnalyticsClient(config.batchSize(), transport, codec);
            caller.checkBeforeTiming();
            service.startReading(AnalyticsClient.BATCHES);
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
        return "analytics";
    }

    @Override
    public double configuredRate() {
        return config.eventRate() / config.batchSize();
    }

    @Override
    public String unit() {
        return "batches of " + config.batchSize() + " events";
    }

    @Override
    public LoadOperation operation() {
        return client.operation();
    }

    @Override
    public Map<String, Object> accounting() {
        return service.accounting(client.sent(), Set.of());
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
