package io.wirebench.e2e.scenario;

class RedisScenarioTest extends ScenarioContract {
    @Override
    protected String transportName() {
        return "redis";
    }
}
