package io.wirebench.transport;

import java.util.Set;

class NatsTransportTest extends TransportContract {
    @Override
    protected String transportName() {
        return "nats";
    }

    @Override
    protected Set<RpcException.Kind> unansweredKinds() {
        return Set.of(RpcException.Kind.TRANSPORT, RpcException.Kind.TIMEOUT);
    }
}
