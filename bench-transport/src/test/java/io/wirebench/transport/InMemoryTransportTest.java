package io.wirebench.transport;

import java.util.Set;

class InMemoryTransportTest extends TransportContract {
    @Override
    protected String transportName() {
        return "in-memory";
    }

    @Override
    protected Set<RpcException.Kind> unansweredKinds() {
        return Set.of(RpcException.Kind.TRANSPORT);
    }
}
