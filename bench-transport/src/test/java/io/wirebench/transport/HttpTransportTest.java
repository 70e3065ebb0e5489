package io.wirebench.transport;

import java.util.Set;

class HttpTransportTest extends TransportContract {
    @Override
    protected String transportName() {
        return "http";
    }

    @Override
    protected Set<RpcException.Kind> unansweredKinds() {
        return Set.of(RpcException.Kind.TRANSPORT);
    }
}
