package io.wirebench.e2e.scenario;

class RabbitMqScenarioTest extends ScenarioContract {
    @Override
    protected String transportName() {
        return "rabbitmq";
    }
}
