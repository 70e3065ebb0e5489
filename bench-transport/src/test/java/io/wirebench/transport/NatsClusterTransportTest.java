package io.wirebench.transport;

import java.util.Set;

class NatsClusterTransportTest extends TransportContract {
    @Override
    protected String transportName() {
        return "nats-cluster";
    }

    @Override
    protected Set<RpcException.Kind> unansweredKinds() {
        return Set.of(RpcException.Kind.TRANSPORT, RpcException.Kind.TIMEOUT);
    }
}
