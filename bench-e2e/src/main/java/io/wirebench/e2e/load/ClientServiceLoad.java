package io.wirebench.e2e.load;

import io.wirebench.e2e.faults.ServiceDelays;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.transport.Transport;
import java.util.Map;

/**
 * A distributable scenario under load in one process: its service side (its services and books) and one generator's
 * caller side, made from the scenario's own parts ({@link Scenario.Distributed}), as a distributed run makes them in
 * the coordinator and the workers. Before timing, the caller sends one operation of each kind and checks it; the
 * service side is then made ready (the books start from zero, the readers start).
 */
final class ClientServiceLoad implements LoadScenario {
    private final Scenario scenario;
    private final LoadConfig settings;
    private final ServiceSide service;
    private final ScenarioClient client;

    ClientServiceLoad(Scenario scenario, LoadConfig settings, Transport transport, Codec codec) {
        this.scenario = scenario;
        this.settings = settings;
        Scenario.Distributed parts = scenario.distributed();
        this.service = parts.serviceSide(settings, transport, codec);
        ScenarioClient caller = null;
        try {
            caller = parts.client(parts.target(settings, transport.name(), null, codec.name()), transport, codec, 0);
            caller.checkBeforeTiming();
            service.readyForTiming();
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
        return scenario.name();
    }

    @Override
    public double configuredRate() {
        return scenario.configuredRate(settings);
    }

    @Override
    public String unit() {
        return scenario.unit(settings);
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
