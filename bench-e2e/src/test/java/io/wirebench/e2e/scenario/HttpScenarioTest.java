package io.wirebench.e2e.scenario;

class HttpScenarioTest extends ScenarioContract {
    @Override
    protected String transportName() {
        return "http";
    }
}
