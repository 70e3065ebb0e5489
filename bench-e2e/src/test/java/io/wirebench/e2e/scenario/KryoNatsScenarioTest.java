package io.wirebench.e2e.scenario;

/** The scenarios with the binary codec: every service message must be registered with Kryo. */
class KryoNatsScenarioTest extends ScenarioContract {
    @Override
    protected String transportName() {
        return "nats";
    }

    @Override
    protected String codecName() {
        return "kryo";
    }
}
