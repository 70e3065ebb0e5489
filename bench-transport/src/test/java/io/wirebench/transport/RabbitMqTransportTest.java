package io.wirebench.transport;

import java.util.Set;

class RabbitMqTransportTest extends TransportContract {
    @Override
    protected String transportName() {
        return "rabbitmq";
    }

    @Override
    protected Set<RpcException.Kind> unansweredKinds() {
        return Set.of(RpcException.Kind.TIMEOUT, RpcException.Kind.TRANSPORT);
    }
}
