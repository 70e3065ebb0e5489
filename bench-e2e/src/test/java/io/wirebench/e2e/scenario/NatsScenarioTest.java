package io.wirebench.e2e.scenario;

class NatsScenarioTest extends ScenarioContract {
    @Override
    protected String transportName() {
        return "nats";
    }
}
