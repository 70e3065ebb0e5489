package io.wirebench.e2e.scenario;

class InMemoryScenarioTest extends ScenarioContract {
    @Override
    protected String transportName() {
        return "in-memory";
    }
}
